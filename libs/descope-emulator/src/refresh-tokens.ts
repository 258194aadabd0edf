import { EmulatorErrors } from './errors';
import { KeyRing } from './key-ring';
import { EmulatorStore } from './store';
import { EmulatorUser } from './store-records';

/** What a session is about, beyond the user: carried from the refresh token into new sessions. */
export interface SessionContext {
  amr: string[];
  dct?: string;
  customClaims?: Record<string, unknown>;
  /** Set by a step-up (`loginOptions.stepup`): the session carries `su: true`. */
  su?: boolean;
}

/** A live (not revoked, not expired) refresh token, as the emulator remembers it. */
export interface LiveRefreshToken extends SessionContext {
  jti: string;
  userId: string;
  exp: number;
  /** The jti of the sign-in's first refresh token: every rotation of it shares the family. */
  family: string;
}

/**
 * What a refresh token rotated away answers when it comes back: `revoke` (default) 401 E064001
 * like any revoked token; `family` 400 E064006 and the whole family ends (a third-party test's
 * mock of Descope; inferred, see descope-answers.ts).
 */
export type RefreshReuse = 'revoke' | 'family';

/**
 * The refresh tokens still live, and the checks every route that takes one makes: signature,
 * kind, issuer, expiry, liveness; whose token it is. Logout revokes one, logout-all a user's all.
 */
export class RefreshTokens {
  private readonly live = new Map<string, LiveRefreshToken>();
  /** Tokens rotated away, until they expire: jti → family and expiry. */
  private readonly superseded = new Map<string, { family: string; exp: number }>();

  constructor(
    private readonly keys: KeyRing,
    private readonly store: EmulatorStore,
    private readonly issuer: string,
    private readonly reuse: RefreshReuse = 'revoke',
  ) {}

  /** The live refresh tokens, for a saved state. */
  exportLive(): LiveRefreshToken[] {
    const now = Date.now() / 1000;
    return [...this.live.values()].filter(({ exp }) => exp > now);
  }

  /** Takes saved live refresh tokens in place of the current ones: tokens survive a restart. */
  importLive(records: LiveRefreshToken[]): void {
    this.live.clear();
    for (const record of records) this.live.set(record.jti, record);
  }

  add(record: LiveRefreshToken): void {
    this.live.set(record.jti, record);
  }

  /** The live record of a refresh token, or Descope's error for a bad, expired or revoked one. */
  verify(token: string | undefined): LiveRefreshToken {
    if (!token) throw EmulatorErrors.unauthorized('A refresh token is required');
    const claims = this.keys.verify(token);
    if (!claims || claims.drn !== 'DSR' || claims.iss !== this.issuer) {
      throw EmulatorErrors.invalidToken('The refresh token is not valid');
    }
    if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) {
      throw EmulatorErrors.invalidToken('The refresh token has expired');
    }
    const record = this.live.get(String(claims.jti));
    if (record) return record;
    const rotated = this.superseded.get(String(claims.jti));
    if (rotated && this.reuse === 'family') {
      this.endFamily(rotated.family);
      throw EmulatorErrors.familyInvalidated();
    }
    throw EmulatorErrors.tokenRevoked();
  }

  /** A refresh token exchanged for a newer one (rotation): no longer live, remembered as rotated. */
  supersede(record: LiveRefreshToken): void {
    this.live.delete(record.jti);
    const now = Date.now() / 1000;
    for (const [jti, { exp }] of this.superseded) if (exp <= now) this.superseded.delete(jti);
    this.superseded.set(record.jti, { family: record.family, exp: record.exp });
  }

  private endFamily(family: string): void {
    for (const [jti, record] of this.live) if (record.family === family) this.live.delete(jti);
  }

  /** The user a refresh token belongs to; a deleted or disabled user's token is no longer valid. */
  userOf(record: LiveRefreshToken): EmulatorUser {
    const user = this.store.findById(record.userId);
    if (!user) throw EmulatorErrors.invalidToken('The user of this token no longer exists');
    if (user.status === 'disabled') throw EmulatorErrors.userDisabled();
    return user;
  }

  /**
   * The user of a live refresh token, who must hold `loginId`: a token of one user never acts on
   * another (password update, email/phone update, TOTP update).
   */
  ownerOf(token: string | undefined, loginId: string): EmulatorUser {
    const owner = this.userOf(this.verify(token));
    if (this.store.findByLoginId(loginId) !== owner) {
      throw EmulatorErrors.unauthorized('The refresh token does not belong to this login id');
    }
    return owner;
  }

  /** The live session a step-up or MFA sign-in of `user` raises: the token must be `user`'s. */
  stepUpSession(token: string | undefined, user: EmulatorUser): LiveRefreshToken {
    const record = this.verify(token);
    if (record.userId !== user.userId) {
      throw EmulatorErrors.unauthorized('The refresh token belongs to another user');
    }
    return record;
  }

  /** The live refresh tokens of one user, or of everyone (the emulator UI's sessions). */
  listLive(userId?: string): LiveRefreshToken[] {
    return this.exportLive().filter((record) => !userId || record.userId === userId);
  }

  revoke(record: Pick<LiveRefreshToken, 'jti'>): void {
    this.live.delete(record.jti);
  }

  revokeAll(userId: string): void {
    for (const [jti, record] of this.live) if (record.userId === userId) this.live.delete(jti);
  }
}
