import {
  LazyRefreshToken,
  missingGrants,
  RefreshPrincipal,
  toSession,
  TokenVerifier,
} from '@app/auth';
import { DescopeClient, Sdk, WITH_REFRESH_TOKEN, isDescopeRefusal } from '@app/descope';
import type { SdkResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { toUserResponse, UserResponseDto } from '../common/dto/user-response.dto';
import { ProblemError } from '../problems/problem.error';
import { AuthResponseFactory } from '../tokens/auth-response.factory';
import { DeviceTokens } from '../budgets/device-tokens';
import { RefreshCoalescer } from './refresh/refresh-coalescer';
import { RefreshReuse } from './refresh/refresh-reuse';
import { SessionLogout } from './session-logout';
import { SessionRevocations } from '../revocation/session-revocations';
import { SessionResponseDto } from './dto/session-response.dto';
import { SessionValidateDto } from './dto/session-validate.dto';

@Injectable()
export class SessionService {
  constructor(
    private readonly descope: DescopeClient,
    private readonly verifier: TokenVerifier,
    private readonly authResponses: AuthResponseFactory,
    private readonly devices: DeviceTokens,
    private readonly revocations: SessionRevocations,
    private readonly coalescer: RefreshCoalescer,
    private readonly reuse: RefreshReuse,
    private readonly logouts: SessionLogout,
  ) {}

  /** The hot path: verified locally against cached keys, no call to Descope. */
  async validate({
    sessionJwt,
    roles,
    permissions,
    tenant,
  }: SessionValidateDto): Promise<SessionResponseDto> {
    const session = toSession(await this.verifier.verify(sessionJwt, 'session'));
    const missing = missingGrants(session, { roles, permissions, tenant });
    if (missing.noCurrentTenant) {
      throw new ProblemError('forbidden', 'The session has no current tenant (dct) to check');
    }
    if (missing.notMember)
      throw new ProblemError('forbidden', 'The user is not a member of the tenant');
    if (missing.roles.length || missing.permissions.length) {
      const lacking = [
        ...missing.roles.map((r) => `role ${r}`),
        ...missing.permissions.map((p) => `permission ${p}`),
      ];
      throw new ProblemError('forbidden', `The session lacks ${lacking.join(', ')}`);
    }
    return SessionResponseDto.from(session);
  }

  /**
   * One upstream refresh per refresh token per reuse window, shared by every caller (see
   * RefreshCoalescer); a token rotated away that comes back later is refused as reuse.
   */
  async refresh(principal: RefreshPrincipal): Promise<AuthResponseDto> {
    const outcome = await this.reuse.familyChecked(
      principal.userId,
      this.coalescer.refresh(principal, () =>
        this.descope.call((sdk) => sdk.refresh(principal.jwt), WITH_REFRESH_TOKEN),
      ),
    );
    if ('reused' in outcome) throw await this.reuse.end(principal.userId);
    // Possibly a kept answer: a session ended since it was minted is refused.
    return this.authResponses.fromDescope(outcome.answer, { replayed: true });
  }

  async selectTenant(principal: RefreshPrincipal, tenant: string): Promise<AuthResponseDto> {
    const data = await this.withToken(principal.userId, (sdk) =>
      sdk.selectTenant(tenant, principal.jwt),
    ).catch((error: unknown) => {
      // The token was accepted (a refused one is a 401): what Descope refuses is the tenant.
      if (!isDescopeRefusal(error) || error.status === 401) throw error;
      throw new ProblemError('invalid_request', 'The user is not a member of that tenant', {
        errors: [{ field: 'tenant', message: 'not a tenant of this user (or no such tenant)' }],
      });
    });
    return this.authResponses.fromDescope(data);
  }

  /** Verified here rather than by a guard, so the cookies are cleared even when it fails. */
  logout(refresh: LazyRefreshToken): Promise<void> {
    return this.logouts.logout(refresh);
  }

  /**
   * Every session of the user ends (every token issued up to now, on every instance), and every
   * device token of theirs stops counting.
   */
  async logoutAll(refresh: LazyRefreshToken): Promise<void> {
    const { jwt, userId } = await refresh.verify();
    const me = await this.withToken(userId, (sdk) => sdk.me(jwt));
    await this.withToken(userId, (sdk) => sdk.logoutAll(jwt));
    await this.revocations.endUser(userId, 'logout_all');
    await this.devices.revoke(me.loginIds ?? []);
  }

  async me(principal: RefreshPrincipal): Promise<UserResponseDto> {
    return toUserResponse(await this.withToken(principal.userId, (sdk) => sdk.me(principal.jwt)))!;
  }

  /** A call with the user's refresh token; Descope ending its family ends the sessions (RefreshReuse). */
  private withToken<R extends SdkResponse<Record<string, unknown>>>(
    userId: string,
    operation: (sdk: Sdk) => Promise<R>,
  ) {
    return this.reuse.familyChecked(userId, this.descope.call(operation, WITH_REFRESH_TOKEN));
  }
}
