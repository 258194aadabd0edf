import { DescopeErrorCodes, isDescopeCode } from '@app/descope';
import { problemOf } from '../problems/problem-of';

const { tooManyAttempts, userNotFound } = DescopeErrorCodes;

/**
 * The check of a secret failed: wrong password or code, unknown user, or a code Descope locked
 * (E061103). Such a failure spends the guessing budget and reads alike on every route that hides
 * accounts; anything else (an outage, a timeout, a Descope 429) is not the user's doing.
 */
export function isSecretFailure(error: unknown): boolean {
  const code = problemOf(error)?.code;
  return (
    code === 'invalid_credentials' ||
    code === 'invalid_code' ||
    isDescopeCode(error, tooManyAttempts, userNotFound)
  );
}
