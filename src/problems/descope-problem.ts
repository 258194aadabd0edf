import {
  DescopeApiError,
  DescopeArgumentError,
  DescopeError,
  DescopeErrorCodes as E,
  DescopeTimeoutError,
} from '@app/descope';
import { ProblemCode } from './problem-codes';
import { ProblemError } from './problem.error';

const BY_DESCOPE_CODE: Record<string, [ProblemCode, string]> = {
  [E.userExists]: ['user_exists', 'A user with this login id already exists'],
  [E.loginIdConflict]: ['user_exists', 'The address already belongs to another user'],
  [E.userNotFound]: ['invalid_credentials', 'The login id or password is wrong'],
  [E.wrongPassword]: ['invalid_credentials', 'The login id or password is wrong'],
  [E.passwordSignInFailed]: ['invalid_credentials', 'The login id or password is wrong'],
  [E.weakPassword]: ['weak_password', 'The password does not meet the password policy'],
  [E.passwordExpired]: ['invalid_credentials', 'The password has expired; reset it'],
  [E.wrongCode]: ['invalid_code', 'The code is wrong, expired or already used'],
  [E.tooManyAttempts]: ['too_many_attempts', 'Too many wrong attempts; request a new code'],
  [E.rateLimited]: ['rate_limited', 'Too many requests to Descope; retry later'],
  [E.unauthorized]: ['token_invalid', 'Descope refused the token'],
  [E.invalidToken]: ['token_invalid', 'Descope refused the token'],
  [E.loggedOut]: ['token_invalid', 'The refresh token was revoked'],
  [E.familyInvalidated]: ['token_invalid', 'The refresh token was revoked'],
};

function fromApiError(error: DescopeApiError): ProblemError {
  const extras = { descopeCode: error.code, retryAfter: error.retryAfterSeconds };
  const known = BY_DESCOPE_CODE[error.code];
  // Descope's code would tell an unknown user from a wrong password: keep it back.
  if (known?.[0] === 'invalid_credentials') return new ProblemError(known[0], known[1]);
  if (known) return new ProblemError(known[0], known[1], extras);
  if (error.status === 429) {
    return new ProblemError('rate_limited', 'Descope is rate limiting', extras);
  }
  // An unknown code: its status says what kind of refusal it is (Descope's 5xx never get here).
  if (error.status === 401 || error.status === 403) {
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
