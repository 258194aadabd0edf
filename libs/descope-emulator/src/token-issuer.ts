import { randomUUID } from 'node:crypto';
import { ResolvedEmulatorOptions } from './emulator-options';
import { EmulatorErrors } from './errors';
import { KeyRing } from './key-ring';
import { EmulatorStore, EmulatorUser } from './store';
import { toUserResponse } from './user-response';

/** What a session is about, beyond the user: carried from the refresh token into new sessions. */
export interface SessionContext {
  amr: string[];
  dct?: string;
  customClaims?: Record<string, unknown>;
}

/** A live (not revoked, not expired) refresh token, as the emulator remembers it. */
export interface LiveRefreshToken extends SessionContext {
  jti: string;
  userId: string;
  exp: number;
}

const now = () => Math.floor(Date.now() / 1000);

/**
 * Issues session (`drn: DS`) and refresh (`drn: DSR`) tokens and keeps the set of live refresh
 * tokens, so logout revokes one and logout-all revokes every one of a user.
 */
export class TokenIssuer {
  private readonly live = new Map<string, LiveRefreshToken>();

  /** `iss` of every token: the project id, or Descope's URL form when `issuerUrl` is set. */
  private readonly issuer: string;

  constructor(
    private readonly keys: KeyRing,
    private readonly store: EmulatorStore,
    private readonly options: ResolvedEmulatorOptions,
  ) {
    this.issuer = options.issuerUrl
      ? `https://api.descope.com/${options.projectId}`
      : options.projectId;
  }

  /** Descope's JWTResponse for a fresh authentication: a new session and refresh token. */
  authenticate(user: EmulatorUser, context: SessionContext): Record<string, unknown> {
    const firstSeen = !user.seen;
    user.seen = true;
    const refresh = this.issueRefresh(user, context);
    return { ...this.sessionResponse(user, refresh, refresh.token), firstSeen };
  }

  /**
   * A new session from a live refresh token. A new refresh token comes only when rotating
   * (which revokes the old one) or when the session changes (tenant selection, step-up).
   */
  refresh(record: LiveRefreshToken, change: Partial<SessionContext> = {}): Record<string, unknown> {
    const user = this.userOf(record);
    const context = { ...record, ...change };
    if (!this.options.rotateRefreshTokens && !change.dct && !change.amr) {
      return this.sessionResponse(user, record);
    }
    if (this.options.rotateRefreshTokens) this.live.delete(record.jti);
    const refresh = this.issueRefresh(user, context);
    return this.sessionResponse(user, refresh, refresh.token);
  }

  /** Verifies a refresh token's signature, kind, expiry and liveness. */
  verifyRefresh(token: string | undefined): LiveRefreshToken {
    if (!token) throw EmulatorErrors.unauthorized('A refresh token is required');
    const claims = this.keys.verify(token);
    if (!claims || claims.drn !== 'DSR' || claims.iss !== this.issuer) {
      throw EmulatorErrors.invalidToken('The refresh token is not valid');
    }
    if (typeof claims.exp !== 'number' || claims.exp <= now()) {
      throw EmulatorErrors.invalidToken('The refresh token has expired');
    }
    const record = this.live.get(String(claims.jti));
    if (!record) throw EmulatorErrors.tokenRevoked();
    return record;
  }

  /** The user a refresh token belongs to; a deleted user's token is no longer valid. */
  userOf(record: LiveRefreshToken): EmulatorUser {
    const user = this.store.findById(record.userId);
    if (!user) throw EmulatorErrors.invalidToken('The user of this token no longer exists');
    return user;
  }

  revoke(record: LiveRefreshToken): void {
    this.live.delete(record.jti);
  }

  revokeAll(userId: string): void {
    for (const [jti, record] of this.live) if (record.userId === userId) this.live.delete(jti);
  }

  private issueRefresh(user: EmulatorUser, context: SessionContext) {
    const iat = now();
    const record: LiveRefreshToken = {
      amr: context.amr,
      dct: context.dct,
      customClaims: context.customClaims,
      jti: randomUUID(),
      userId: user.userId,
      exp: iat + this.options.refreshTtlSeconds,
    };
    this.live.set(record.jti, record);
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
    const sessionJwt = this.keys.sign({
      ...this.store.claimsFor(user),
      sub: user.userId,
      iss: this.issuer,
      iat,
      exp,
      drn: 'DS',
      amr: refresh.amr,
      ...(refresh.dct ? { dct: refresh.dct } : {}),
      // At the top level and as given, reserved names included: refusing them is the service's job.
      ...refresh.customClaims,
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
