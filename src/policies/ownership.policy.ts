import { RefreshPrincipal } from '@app/auth';
import { DescopeClient, WITH_REFRESH_TOKEN } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { ProblemError } from '../problems/problem.error';

/** The refresh token's user, as far as a change needs it. */
export interface Owner {
  /** The user's own spelling of the login id the request named: what goes to Descope. */
  loginId: string;
  /** Every login id of the user (revocations apply to all of them). */
  loginIds: string[];
}

/** A refresh token of user A never changes user B (docs/api.md, Ownership). */
@Injectable()
export class OwnershipPolicy {
  constructor(private readonly descope: DescopeClient) {}

  /**
   * The owner of `loginId` (matched regardless of case and surrounding spaces); 403 `forbidden`
   * when it is not one of the token user's login ids.
   */
  async owner(principal: RefreshPrincipal, loginId: string): Promise<Owner> {
    const me = await this.descope.call((sdk) => sdk.me(principal.jwt), WITH_REFRESH_TOKEN);
    const wanted = loginId.trim().toLowerCase();
    const owned = (me.loginIds ?? []).find((id) => id.toLowerCase() === wanted);
    if (!owned || me.userId !== principal.userId) {
      throw new ProblemError(
        'forbidden',
        "The loginId does not belong to the refresh token's user",
      );
    }
    return { loginId: owned, loginIds: me.loginIds ?? [] };
  }
}
