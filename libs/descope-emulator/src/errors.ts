/**
 * Descope's error answer, `{errorCode, errorDescription, errorMessage}`, with the HTTP status
 * the emulator sends it with. Throw one from a handler; the server writes it.
 */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code} ${description}`);
  }

  /** The wire body, exactly as Descope shapes it. */
  toBody(): { errorCode: string; errorDescription: string; errorMessage?: string } {
    return { errorCode: this.code, errorDescription: this.description, errorMessage: this.detail };
  }
}

/**
 * The codes the emulator answers with. Codes and meanings follow docs/descope-wire.md §4;
 * HTTP statuses are the contract's inferred defaults (400 for E011xxx, 401 for credential,
 * code and token failures, 429 for rate limits). E062903 (password sign-in failed) is attested by
 * third-party code only; E062904 (policy violation) is the emulator's own choice.
 */
export const EmulatorErrors = {
  invalidRequest: (detail: string) =>
    new EmulatorError(400, 'E011003', 'Request is invalid', detail),
  invalidArguments: (detail: string) =>
    new EmulatorError(400, 'E011004', 'Invalid arguments', detail),
  notFound: (path: string, family?: string) =>
    new EmulatorError(
      404,
      'E011001',
      'Route not found',
      family
        ? `The emulator does not implement ${family}; see "Running the emulator alone" in the README`
        : `No route for ${path}`,
    ),
  unauthorized: (detail: string) =>
    new EmulatorError(401, 'E061004', 'Unauthorized request', detail),
  invalidToken: (detail: string) => new EmulatorError(401, 'E061005', 'Invalid token', detail),
  tokenRevoked: () =>
    new EmulatorError(401, 'E064001', 'Token expired because logged out', 'Token was revoked'),
  wrongCode: () =>
    new EmulatorError(401, 'E061102', 'Wrong one-time code', 'The code is wrong or expired'),
  tooManyAttempts: () =>
    new EmulatorError(429, 'E061103', 'Too many attempts', 'Too many wrong codes'),
  userExists: () =>
    new EmulatorError(400, 'E062107', 'User already exists', 'A user with this login id exists'),
  userNotFound: () => new EmulatorError(400, 'E062108', 'User not found', 'Cannot find user'),
  wrongPassword: () =>
    new EmulatorError(401, 'E062903', 'Password signin failed', 'Invalid login credentials'),
  weakPassword: (detail: string) =>
    new EmulatorError(400, 'E062904', 'Password does not meet the password policy', detail),
  /** Not published: a stand-in (see sendReset in routes/password.routes.ts). */
  noVerifiedEmail: () =>
    new EmulatorError(
      400,
      'E011004',
      'Invalid arguments',
      'The user has no verified email to send a reset link to',
    ),
  mgmtUserNotFound: () => new EmulatorError(404, 'E112102', 'User not found', 'Cannot find user'),
  rateLimited: (retryAfterSeconds: number) =>
    new EmulatorError(429, 'E130429', 'Too many requests', 'Rate limit exceeded', {
      'Retry-After': String(retryAfterSeconds),
    }),
};
