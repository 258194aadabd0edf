import { LazyRefreshToken, toRefreshPrincipal, TokenVerifier } from '@app/auth';
import { DescopeClient, WITH_REFRESH_TOKEN } from '@app/descope';
import type { JWTResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { SessionRevocations } from '../revocation/session-revocations';
import { RefreshCoalescer } from './refresh/refresh-coalescer';
import { rotatedAway } from './refresh/refresh-outcome';
import { RefreshReuse } from './refresh/refresh-reuse';

/**
 * Logout, so that nothing the caller's refresh token produced outlives it, on any instance:
 * - its sessions and the session the request carries end (even when Descope refuses the token:
 *   the caller proved it holds them), and the refresh token itself is refused everywhere;
 * - a refresh of it within the reuse window that rotated it (here or on another instance, still
 *   under way or done): the refresh token and session that refresh handed out end too;
 * - a token rotated away earlier is reuse: every session of the user ends (RefreshReuse);
 * - no answer kept for it is handed out again.
 */
@Injectable()
export class SessionLogout {
  constructor(
    private readonly descope: DescopeClient,
    private readonly verifier: TokenVerifier,
    private readonly revocations: SessionRevocations,
    private readonly coalescer: RefreshCoalescer,
    private readonly reuse: RefreshReuse,
  ) {}

  async logout(refresh: LazyRefreshToken): Promise<void> {
    const principal = await refresh.verify();
    const carried = await refresh.carriedSession();
    const answer = await this.coalescer.answered(principal);
    await this.coalescer.forget(principal);
    try {
      if (answer && rotatedAway(answer, principal.jwt)) await this.endSuccessor(answer);
      else if (await this.coalescer.rotatedAway(principal)) await this.reuse.end(principal.userId);
      else {
        const logout = this.descope.call((sdk) => sdk.logout(principal.jwt), WITH_REFRESH_TOKEN);
        await this.reuse.familyChecked(principal.userId, logout);
      }
    } finally {
      await this.revocations.endSession(principal, carried);
    }
  }

  /** The tokens a refresh within the window handed out for the logged-out one. */
  private async endSuccessor({ refreshJwt, sessionJwt }: JWTResponse): Promise<void> {
    const fromDescope = { fromDescope: true };
    const refresh = await this.verifier.verify(refreshJwt, 'refresh', fromDescope);
    const session = await this.verifier
      .verify(sessionJwt, 'session', fromDescope)
      .catch(() => undefined);
    try {
      await this.descope.call((sdk) => sdk.logout(refresh.jwt), WITH_REFRESH_TOKEN);
    } finally {
      await this.revocations.endSession(toRefreshPrincipal(refresh), session);
    }
  }
}
