import { RefreshPrincipal } from '@app/auth';
import { DescopeClient } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { ProblemError } from './problem.error';

/** The rule of api-surface.md: a refresh token of user A never changes user B. */
@Injectable()
export class OwnershipService {
  constructor(private readonly descope: DescopeClient) {}

  /** Throws 403 `forbidden` unless `loginId` is one of the token user's login ids. */
  async assertOwns(principal: RefreshPrincipal, loginId: string): Promise<void> {
    const me = await this.descope.call((sdk) => sdk.me(principal.jwt));
    const wanted = loginId.trim().toLowerCase();
    const owned = (me.loginIds ?? []).some((id) => id.toLowerCase() === wanted);
    if (!owned || me.userId !== principal.userId) {
      throw new ProblemError(
        'forbidden',
        "The loginId does not belong to the refresh token's user",
      );
    }
  }
}
