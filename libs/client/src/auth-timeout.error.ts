/**
 * No complete answer within the client's `timeoutMs` (headers and body). Distinct from
 * AuthApiError because the service said nothing: the request may or may not have taken effect,
 * so a caller retries only what is safe to repeat.
 */
export class AuthTimeoutError extends Error {
  override readonly name = 'AuthTimeoutError';

  constructor(
    /** `METHOD /path` of the request that timed out. */
    readonly route: string,
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`${route}: no answer from the auth service within ${timeoutMs} ms`, options);
  }
}
