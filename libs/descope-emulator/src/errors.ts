import { AnswerName, DESCOPE_ANSWERS, DescopeAnswer } from './descope-answers';

/**
 * Descope's error answer, `{errorCode, errorDescription, errorMessage}`, with the HTTP status
 * the emulator sends it with. Made only from an entry of DESCOPE_ANSWERS, so every error the
 * emulator sends carries its evidence. Throw one from a handler; the server writes it.
 */
export class EmulatorError extends Error {
  readonly status: number;
  readonly code: string;
  readonly description: string;

  constructor(
    readonly answer: DescopeAnswer,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${answer.code} ${answer.description}`);
    ({ status: this.status, code: this.code, description: this.description } = answer);
  }

  /** The wire body, exactly as Descope shapes it. */
  toBody(): { errorCode: string; errorDescription: string; errorMessage?: string } {
    return { errorCode: this.code, errorDescription: this.description, errorMessage: this.detail };
  }
}

const error = (name: AnswerName, detail?: string, headers?: Record<string, string>) =>
  new EmulatorError(DESCOPE_ANSWERS[name], detail, headers);

/** The errors the emulator answers with; statuses and codes with their sources: descope-answers.ts. */
export const EmulatorErrors = {
  invalidRequest: (detail: string) => error('invalidRequest', detail),
  invalidArguments: (detail: string) => error('invalidArguments', detail),
  bodyTooLarge: () => error('bodyTooLarge', 'Body too large'),
  notFound: (path: string, family?: string) =>
    error(
      'routeNotFound',
      family
        ? `The emulator does not implement ${family}; see "Running the emulator alone" in the README`
        : `No route for ${path}`,
    ),
  unauthorized: (detail: string) => error('unauthorized', detail),
  invalidToken: (detail: string) => error('invalidToken', detail),
  resetLinkInvalid: () => error('resetLinkInvalid', 'The link is invalid, used or expired'),
  tokenRevoked: () => error('tokenRevoked', 'Token was revoked'),
  familyInvalidated: () => error('familyInvalidated', 'A superseded refresh token was used'),
  wrongCode: () => error('wrongCode', 'The code is wrong or expired'),
  tooManyAttempts: () => error('tooManyAttempts', 'Too many wrong codes'),
  userExists: () => error('userExists', 'A user with this login id exists'),
  userNotFound: () => error('userNotFound', 'Cannot find user'),
  wrongPassword: () => error('wrongPassword', 'Invalid login credentials'),
  weakPassword: (detail: string) => error('weakPassword', detail),
  passwordExpired: () => error('passwordExpired', 'The password has expired'),
  accountLocked: () => error('accountLocked', 'Too many failed sign-ins'),
  noVerifiedEmail: () =>
    error('noVerifiedEmail', 'The user has no verified email to send a reset link to'),
  mgmtUserNotFound: () => error('mgmtUserNotFound', 'Cannot find user'),
  internalError: () => error('internalError', 'The emulator failed to handle the request'),
  userDisabled: () => error('userDisabled', 'The user is disabled'),
  /** An injected fault (faults.ts): a 500, 503 or 429 the test asked for. */
  injected: (status: number, retryAfterSeconds?: number) => {
    const headers = retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined;
    if (status === 429) return error('rateLimited', 'Injected fault', headers);
    return error(status === 503 ? 'unavailable' : 'internalError', 'Injected fault', headers);
  },
  adminRefused: (detail: string) => error('adminRefused', detail),
  rateLimited: (retryAfterSeconds: number) =>
    error('rateLimited', 'Rate limit exceeded', { 'Retry-After': String(retryAfterSeconds) }),
};
