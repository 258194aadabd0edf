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
}

/**
 * The refresh tokens still live, and the checks every route that takes one makes: signature,
 * kind, issuer, expiry, liveness; whose token it is. Logout revokes one, logout-all a user's all.
 */
export class RefreshTokens {
  private readonly live = new Map<string, LiveRefreshToken>();

  constructor(
    private readonly keys: KeyRing,
    private readonly store: EmulatorStore,
    private readonly issuer: string,
  ) {}

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
    if (!record) throw EmulatorErrors.tokenRevoked();
    return record;
  }

  /** The user a refresh token belongs to; a deleted user's token is no longer valid. */
  userOf(record: LiveRefreshToken): EmulatorUser {
    const user = this.store.findById(record.userId);
    if (!user) throw EmulatorErrors.invalidToken('The user of this token no longer exists');
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

  revoke(record: LiveRefreshToken): void {
    this.live.delete(record.jti);
  }

  revokeAll(userId: string): void {
    for (const [jti, record] of this.live) if (record.userId === userId) this.live.delete(jti);
  }
}
