import type { Client } from 'openapi-fetch';
import { AuthTokens, TokenStore } from './auth-tokens';
import { healthRoutes, HealthRoutes } from './health.routes';
import { otpRoutes, OtpRoutes } from './otp.routes';
import { passwordRoutes, PasswordRoutes } from './password.routes';
import type { paths } from './schema';
import { sessionRoutes, SessionRoutes } from './session.routes';
import { totpRoutes, TotpRoutes } from './totp.routes';
import { FetchLike, Transport } from './transport';
import type { AuthResponse } from './types';

export interface AuthClientOptions {
  /** The auth service's origin (plus a proxy's path prefix), e.g. `https://auth.example.com`. */
  baseUrl: string;
  /** Limit of each request, answer body included; past it the call rejects (AuthTimeoutError). */
  timeoutMs: number;
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Tokens to start with, e.g. those a caller of your service sent. */
  tokens?: AuthTokens;
}

/** Every route of the auth service, grouped as in its docs, plus the tokens the client holds. */
export interface AuthClient {
  password: PasswordRoutes;
  otp: OtpRoutes;
  totp: TotpRoutes;
  session: SessionRoutes;
  health: HealthRoutes;
  /** Replaces the held tokens (all of them: a kind left out is forgotten). */
  setTokens(tokens: AuthTokens): void;
  getTokens(): AuthTokens;
  /** `session.refresh()`: a new session token from the held refresh token, kept. */
  refresh(): Promise<AuthResponse>;
  /**
   * The openapi-fetch client underneath (typed by openapi.json), for what the wrapper lacks. Plain
   * openapi-fetch: no timeout, tokens or AuthApiError of the wrapper's.
   */
  raw: Client<paths>;
}

/**
 * A client of the auth service for other services and scripts. It holds one user's tokens:
 * a service acting for many users creates one client per request (it is cheap: no connections
 * of its own), rather than sharing one whose tokens would move between users.
 *
 * @example
 * const auth = createAuthClient({ baseUrl: 'http://auth:3000', timeoutMs: 5000 });
 * await auth.password.signIn({ loginId, password }); // tokens kept
 * const session = await auth.session.current();
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  if (!(options.timeoutMs > 0)) throw new RangeError('timeoutMs must be a positive number');
  const tokens = new TokenStore(options.tokens);
  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const t = new Transport(options.timeoutMs, fetch, tokens, options.baseUrl);
  const session = sessionRoutes(t);
  return {
    password: passwordRoutes(t),
    otp: otpRoutes(t),
    totp: totpRoutes(t),
    session,
    health: healthRoutes(t),
    setTokens: (next) => tokens.set(next),
    getTokens: () => tokens.get(),
    refresh: () => session.refresh(),
    raw: t.api,
  };
}
