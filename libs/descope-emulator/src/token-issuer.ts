import { randomUUID } from 'node:crypto';
import { EmulatorErrors } from './errors';
import { ResolvedEmulatorOptions } from './emulator-options';
import { KeyRing } from './key-ring';
import { LiveRefreshToken, RefreshTokens, SessionContext } from './refresh-tokens';
import { EmulatorStore } from './store';
import { EmulatorUser } from './store-records';
import { toUserResponse } from './user-response';

const now = () => Math.floor(Date.now() / 1000);

/**
 * The session's current tenant (`dct`): the selected one, else the user's only tenant. Descope's
 * session docs: "If the user is associated with a single tenant ..., this claim is set to that
 * tenant value."
 */
export const currentTenantOf = (user: EmulatorUser, selected?: string): string | undefined =>
  selected ?? (user.userTenants.length === 1 ? user.userTenants[0].tenantId : undefined);

/** Issues session (`drn: DS`) and refresh (`drn: DSR`) tokens as Descope's JWTResponse. */
export class TokenIssuer {
  constructor(
    private readonly keys: KeyRing,
    private readonly store: EmulatorStore,
    private readonly refreshTokens: RefreshTokens,
    private readonly options: ResolvedEmulatorOptions,
    /** `iss` of every token: the project id, or Descope's URL form. */
    private readonly issuer: string,
    private readonly projectId: string,
  ) {}

  /**
   * Descope's JWTResponse for a fresh authentication: a new session and refresh token.
   * `revokeOthers`: every other refresh token of the user is revoked first.
   */
  authenticate(
    user: EmulatorUser,
    context: SessionContext,
    revokeOthers = false,
  ): Record<string, unknown> {
    if (user.status === 'disabled') throw EmulatorErrors.userDisabled();
    const firstSeen = !user.seen;
    user.seen = true;
    if (revokeOthers) this.refreshTokens.revokeAll(user.userId);
    const refresh = this.issueRefresh(user, context);
    return { ...this.sessionResponse(user, refresh, refresh.token), firstSeen };
  }

  /**
   * A new session from a live refresh token. A new refresh token comes only when rotating
   * (which revokes the old one) or when the session changes (tenant selection, step-up).
   */
  refresh(record: LiveRefreshToken, change: Partial<SessionContext> = {}): Record<string, unknown> {
    const user = this.refreshTokens.userOf(record);
    const context = { ...record, ...change };
    if (!this.options.rotateRefreshTokens && !change.dct && !change.amr) {
      return this.sessionResponse(user, record);
    }
    if (this.options.rotateRefreshTokens) this.refreshTokens.supersede(record);
    const refresh = this.issueRefresh(user, context);
    return this.sessionResponse(user, refresh, refresh.token);
  }

  private issueRefresh(user: EmulatorUser, context: SessionContext & { family?: string }) {
    const iat = now();
    const jti = randomUUID();
    const record: LiveRefreshToken = {
      amr: context.amr,
      dct: context.dct,
      customClaims: context.customClaims,
      su: context.su,
      jti,
      userId: user.userId,
      exp: iat + this.options.refreshTtlSeconds,
      family: context.family ?? jti,
    };
    this.refreshTokens.add(record);
    const token = this.keys.sign({
      sub: user.userId,
      iss: this.issuer,
      iat,
      exp: record.exp,
      drn: 'DSR',
      jti: record.jti,
      amr: record.amr,
      ...(record.dct ? { dct: record.dct } : {}),
    });
    return { ...record, token };
  }

  private sessionResponse(user: EmulatorUser, refresh: LiveRefreshToken, refreshJwt?: string) {
    const iat = now();
    const exp = iat + this.options.sessionTtlSeconds;
    const dct = currentTenantOf(user, refresh.dct);
    const sessionJwt = this.keys.sign({
      ...this.store.claimsFor(user),
      sub: user.userId,
      iss: this.issuer,
      iat,
      exp,
      drn: 'DS',
      amr: refresh.amr,
      // Descope's docs show rexp as an ISO-8601 UTC string without fractions, aud as [projectId].
      rexp: new Date(refresh.exp * 1000).toISOString().replace('.000Z', 'Z'),
      aud: [this.projectId],
      ...(dct ? { dct } : {}),
      ...(refresh.su ? { su: true } : {}),
      // As given, reserved names included (refusing them is the service's job), under nsec.
      ...(refresh.customClaims ? { nsec: refresh.customClaims } : {}),
    });
    return {
      sessionJwt,
      ...(refreshJwt ? { refreshJwt } : {}),
      cookieDomain: '',
      cookiePath: '/',
      cookieMaxAge: refresh.exp - iat,
      cookieExpiration: refresh.exp,
      cookieName: 'DSR',
      sessionExpiration: exp,
      user: toUserResponse(user, this.store),
      firstSeen: false,
    };
  }
}
