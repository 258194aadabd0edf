import { ProblemCode } from '../problems/problem-codes';

/** How an authentication attempt ended, as audit events and metrics name it. */
export type AuthResult =
  | 'success'
  | 'invalid_credentials'
  | 'invalid_code'
  | 'invalid_token'
  | 'locked'
  | 'rate_limited'
  | 'upstream_error'
  | 'rejected';

const BY_CODE: Partial<Record<ProblemCode, AuthResult>> = {
  invalid_credentials: 'invalid_credentials',
  invalid_code: 'invalid_code',
  token_missing: 'invalid_token',
  token_invalid: 'invalid_token',
  token_expired: 'invalid_token',
  too_many_attempts: 'locked',
  rate_limited: 'rate_limited',
  upstream_unavailable: 'upstream_error',
  upstream_timeout: 'upstream_error',
  not_ready: 'upstream_error',
  limiter_unavailable: 'upstream_error',
  internal_error: 'upstream_error',
};

/**
 * The result of an answer. `cause` is the problem before a route hid it (a locked code answers
 * like a wrong one, but the audit says `locked`); anything else refused is `rejected`.
 */
export function resultOf(status: number, cause: ProblemCode | undefined): AuthResult {
  if (status < 400) return 'success';
  return (cause && BY_CODE[cause]) ?? (status >= 500 ? 'upstream_error' : 'rejected');
}
