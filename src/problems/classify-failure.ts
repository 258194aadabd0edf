import { DescopeError, DescopeUnexpectedError } from '@app/descope';
import { failsSecret } from './descope-problem';
import { ProblemCode } from './problem-codes';
import { problemOf } from './problem-of';
import { ProblemError } from './problem.error';

/** What a failed request's error is, decided once and read by everyone who needs it. */
export interface Failure {
  /** The answer: the error's problem, or `internal_error` for a bug. */
  readonly problem: ProblemError;
  /**
   * A bug (anything the service did not expect): answered 500 with the request id, logged with
   * `root`'s class and stack.
   */
  readonly unexpected: boolean;
  /**
   * The check of a secret failed: wrong password or code, unknown user, a code Descope locked.
   * It spends the guessing budget and, where a route hides accounts, reads as that route's one
   * failure answer; anything else (an outage, a timeout, a Descope 429) is not the user's doing.
   */
  readonly failedSecret: boolean;
  /** The error behind it, for the log line of a 5xx: the SDK's original for an unexpected failure. */
  readonly root: unknown;
}

/** Answers the service gives for a secret it checked itself (a reset link, a TOTP enrolment). */
const SECRET_ANSWERS = new Set<ProblemCode>(['invalid_credentials', 'invalid_code']);

const classified = new WeakMap<object, Failure>();

function classify(error: unknown): Failure {
  const problem = problemOf(error);
  const root = error instanceof DescopeUnexpectedError ? error.original : error;
  if (!problem) {
    const bug = new ProblemError('internal_error', 'Something went wrong on our side');
    return { problem: bug, unexpected: true, failedSecret: false, root };
  }
  const failedSecret =
    error instanceof DescopeError ? failsSecret(error) : SECRET_ANSWERS.has(problem.code);
  return { problem, unexpected: false, failedSecret, root };
}

/**
 * The one classification of an error: the guessing budget (inside the service), the problem
 * filter and the route effects after it all read the same result, so the Descope mapping runs
 * once per failed request however many of them ask.
 */
export function classifyFailure(error: unknown): Failure {
  if (typeof error !== 'object' || error === null) return classify(error);
  let failure = classified.get(error);
  if (!failure) classified.set(error, (failure = classify(error)));
  return failure;
}
