/** Why a request's token was refused. */
export type AuthTokenFailure = 'missing' | 'invalid' | 'expired';

/**
 * A token that is absent, not valid (signature, kind, issuer, revoked...) or expired.
 * `detail` is safe to show a caller: it never quotes the token.
 */
export class AuthTokenError extends Error {
  constructor(
    readonly reason: AuthTokenFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}
