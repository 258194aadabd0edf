/*
 * The typed errors of the SDK seam. They live together because each is a few lines and they
 * form one closed family: the service's `problemOf` switches over exactly these.
 */

/** Anything that went wrong talking to Descope; named after its class, for logs. */
export abstract class DescopeError extends Error {
  override readonly name: string = this.constructor.name;
}

/**
 * Descope answered with an error body: its code, description, HTTP status, `Retry-After`, and
 * what the call presented (a refresh token as its only credential, or nothing said).
 */
export class DescopeApiError extends DescopeError {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
    readonly presented?: 'refresh-token',
  ) {
    super(`Descope answered ${status} ${code}: ${description}`);
  }

  /**
   * A 401 on a call whose only credential was a refresh token: that token is refused. A 403
   * says the token is fine but the act is not allowed (a tenant the user is not in), so not it.
   */
  get refusesRefreshToken(): boolean {
    return this.presented === 'refresh-token' && this.status === 401;
  }
}

/** Descope could not be reached, answered 5xx, or answered something that is not JSON. */
export class DescopeUnavailableError extends DescopeError {
  constructor(reason: string) {
    super(`Descope is unavailable: ${reason}`);
  }
}

/** Descope did not answer within the configured timeout. */
export class DescopeTimeoutError extends DescopeError {
  constructor(readonly timeoutMs: number) {
    super(`Descope did not answer within ${timeoutMs} ms`);
  }
}

/** The SDK refused an argument before sending anything (e.g. an empty login id). */
export class DescopeArgumentError extends DescopeError {
  constructor(message: string) {
    super(message);
  }
}

/** The SDK failed in a way none of the above explains (a bug on either side): logged, answered 500. */
export class DescopeUnexpectedError extends DescopeError {
  constructor(readonly original: unknown) {
    super('The Descope SDK failed unexpectedly');
  }
}
