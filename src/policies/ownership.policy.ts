import { RefreshPrincipal } from '@app/auth';
import { DescopeClient } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { ProblemError } from '../problems/problem.error';

/** A refresh token of user A never changes user B (docs/api.md, Ownership). */
@Injectable()
export class OwnershipPolicy {
  constructor(private readonly descope: DescopeClient) {}

  /**
   * The user's own spelling of `loginId` (matched regardless of case and surrounding spaces),
   * which is what then goes to Descope; 403 `forbidden` when it is not one of the token user's.
   */
  async ownLoginId(principal: RefreshPrincipal, loginId: string): Promise<string> {
    const me = await this.descope.call((sdk) => sdk.me(principal.jwt));
    const wanted = loginId.trim().toLowerCase();
    const owned = (me.loginIds ?? []).find((id) => id.toLowerCase() === wanted);
    if (!owned || me.userId !== principal.userId) {
      throw new ProblemError(
        'forbidden',
        "The loginId does not belong to the refresh token's user",
      );
    }
    return owned;
  }
}
