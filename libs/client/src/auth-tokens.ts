import type { AuthResponse } from './types';

/**
 * What the client sends on the user's behalf: the session token as the bearer of routes that
 * read a session, the refresh token as the bearer of routes that need one (docs/api.md, "Tokens
 * in"), the device token as `X-Device-Token` so the device keeps its own guessing budget.
 */
export interface AuthTokens {
  sessionJwt?: string;
  refreshJwt?: string;
  deviceToken?: string;
}

/**
 * The tokens of one client. Every AuthResponse replaces the ones it carries and keeps the others:
 * a refresh may answer without a new refresh token (Descope rotates only when configured to).
 */
export class TokenStore {
  private tokens: AuthTokens;

  constructor(initial: AuthTokens = {}) {
    this.tokens = { ...initial };
  }

  get(): AuthTokens {
    return { ...this.tokens };
  }

  set(tokens: AuthTokens): void {
    this.tokens = { ...tokens };
  }

  /** Keeps the tokens an AuthResponse carries (none with TOKEN_DELIVERY=cookie). */
  keep({ sessionJwt, refreshJwt, deviceToken }: AuthResponse): void {
    this.tokens = {
      sessionJwt: sessionJwt ?? this.tokens.sessionJwt,
      refreshJwt: refreshJwt ?? this.tokens.refreshJwt,
      deviceToken: deviceToken ?? this.tokens.deviceToken,
    };
  }

  /** Forgets the given kinds: the service ended them, sending them again would only be refused. */
  forget(...kinds: (keyof AuthTokens)[]): void {
    for (const kind of kinds) delete this.tokens[kind];
  }
}
