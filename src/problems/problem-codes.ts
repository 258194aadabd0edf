/** The service's error codes and their HTTP statuses (docs/api.md, Errors). */
export const PROBLEM_STATUS = {
  invalid_request: 400,
  weak_password: 400,
  invalid_credentials: 401,
  invalid_code: 401,
  token_missing: 401,
  token_invalid: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  user_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  too_many_attempts: 429,
  rate_limited: 429,
  internal_error: 500,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  not_ready: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

/** Short, fixed titles per code; `detail` carries the specifics. */
export const PROBLEM_TITLE: Record<ProblemCode, string> = {
  invalid_request: 'Invalid request',
  weak_password: 'Password too weak',
  invalid_credentials: 'Invalid credentials',
  invalid_code: 'Invalid code',
  token_missing: 'Token missing',
  token_invalid: 'Token invalid',
  token_expired: 'Token expired',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  request_timeout: 'Request timeout',
  user_exists: 'User exists',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  headers_too_large: 'Request headers too large',
  too_many_attempts: 'Too many attempts',
  rate_limited: 'Rate limited',
  internal_error: 'Internal error',
  upstream_unavailable: 'Upstream unavailable',
  upstream_timeout: 'Upstream timeout',
  not_ready: 'Not ready',
};
