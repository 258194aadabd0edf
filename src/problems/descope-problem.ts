import {
  DescopeApiError,
  DescopeArgumentError,
  DescopeError,
  DescopeErrorCodes as E,
  DescopeTimeoutError,
} from '@app/descope';
import { ProblemCode } from './problem-codes';
import { ProblemError } from './problem.error';

/** How one Descope code answers; `secret`: the check of a secret failed (see `classifyFailure`). */
interface Row {
  code: ProblemCode;
  detail: string;
  secret?: true;
}

const WRONG_LOGIN = 'The login id or password is wrong';
const REVOKED = 'The refresh token was revoked';
export const PASSWORD_EXPIRED =
  'The password has expired: set a new one with POST /v1/password/replace (old and new password) ' +
  'or POST /v1/password/reset';

/**
 * Every Descope code the service maps, in one table: a newcomer changing how a code answers, or
 * whether it counts as a failed secret (spends the guessing budget, reads as the route's one
 * failure answer where accounts are hidden), changes its row here and nowhere else.
 */
const BY_DESCOPE_CODE: Record<string, Row> = {
  [E.userExists]: { code: 'user_exists', detail: 'A user with this login id already exists' },
  [E.loginIdConflict]: {
    code: 'user_exists',
    detail: 'The address already belongs to another user',
  },
  [E.userNotFound]: { code: 'invalid_credentials', detail: WRONG_LOGIN, secret: true },
  [E.wrongPassword]: { code: 'invalid_credentials', detail: WRONG_LOGIN, secret: true },
  [E.passwordSignInFailed]: { code: 'invalid_credentials', detail: WRONG_LOGIN, secret: true },
  [E.weakPassword]: {
    code: 'weak_password',
    detail: 'The password does not meet the password policy',
  },
  // Only after the right password (inferred): the caller proved it, so the answer says what to do.
  [E.passwordExpired]: { code: 'password_expired', detail: PASSWORD_EXPIRED },
  [E.wrongCode]: {
    code: 'invalid_code',
    detail: 'The code is wrong, expired or already used',
    secret: true,
  },
  // A code Descope locked after too many wrong tries: the guesser's doing, like a wrong code.
  [E.tooManyAttempts]: {
    code: 'too_many_attempts',
    detail: 'Too many wrong attempts; request a new code',
    secret: true,
  },
  [E.rateLimited]: { code: 'rate_limited', detail: 'Too many requests to Descope; retry later' },
  [E.loggedOut]: { code: 'token_invalid', detail: REVOKED },
  [E.familyInvalidated]: { code: 'token_invalid', detail: REVOKED },
};

/** An unknown code refused as 401/403: read as refused credentials, and so a failed secret. */
const refusesCredentials = (error: DescopeApiError) => error.status === 401 || error.status === 403;

/**
 * A refused refresh token is told by the call, not by a code: a 401 on a call whose only
 * credential is a refresh token (the codes Descope sends then are not published).
 */
const REFRESH_TOKEN_REFUSED = 'Descope refused the refresh token (expired, revoked or signed out)';

function fromApiError(error: DescopeApiError): ProblemError {
  const extras = { descopeCode: error.code, retryAfter: error.retryAfterSeconds };
  const known = BY_DESCOPE_CODE[error.code];
  if (error.refusesRefreshToken) {
    const detail = known?.code === 'token_invalid' ? known.detail : REFRESH_TOKEN_REFUSED;
    return new ProblemError('token_invalid', detail, extras);
  }
  // Descope's code would tell an unknown user from a wrong password: keep it back.
  if (known?.code === 'invalid_credentials') return new ProblemError(known.code, known.detail);
  if (known) return new ProblemError(known.code, known.detail, extras);
  if (error.status === 429) {
    return new ProblemError('rate_limited', 'Descope is rate limiting', extras);
  }
  // An unknown code: its status says what kind of refusal it is (Descope's 5xx never get here).
  if (refusesCredentials(error)) {
    return new ProblemError('invalid_credentials', 'Descope refused the credentials');
  }
  return new ProblemError('invalid_request', 'Descope refused the request as invalid', extras);
}

/**
 * The problem a Descope failure answers with. Only fixed texts and Descope's code go out:
 * upstream descriptions can quote what was sent and are never passed on.
 */
export function problemFromDescope(error: DescopeError): ProblemError {
  if (error instanceof DescopeApiError) return fromApiError(error);
  if (error instanceof DescopeTimeoutError) {
    return new ProblemError(
      'upstream_timeout',
      `Descope did not answer within ${error.timeoutMs} ms`,
    );
  }
  if (error instanceof DescopeArgumentError) {
    return new ProblemError('invalid_request', 'Descope refused an argument of the request');
  }
  return new ProblemError('upstream_unavailable', 'Descope could not be reached or answered badly');
}

/**
 * Descope's answer says the secret was wrong, the user unknown, or the code locked; an outage, a
 * timeout or a Descope 429 is not the user's doing.
 */
export function failsSecret(error: DescopeError): boolean {
  if (!(error instanceof DescopeApiError) || error.refusesRefreshToken) return false;
  const known = BY_DESCOPE_CODE[error.code];
  return known ? known.secret === true : refusesCredentials(error);
}
