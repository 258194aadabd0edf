import { getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';
import { PASSWORD_EXPIRED } from './descope-problem';
import { PROBLEM_STATUS, PROBLEM_TITLE, ProblemCode } from './problem-codes';

type Extras = Pick<ProblemDto, 'retryAfter' | 'errors' | 'descopeCode'>;

/**
 * What each code's answer says, as the service words it (the filter, the Descope table, the
 * guards): the documented example of every status shows its own code, never a 400's body.
 */
const EXAMPLES: Record<ProblemCode, [detail: string, extras?: Extras]> = {
  invalid_request: [
    'Invalid or missing fields: loginId',
    { errors: [{ field: 'loginId', message: 'loginId must be a string' }] },
  ],
  weak_password: ['The password does not meet the password policy'],
  invalid_credentials: ['The login id or password is wrong'],
  invalid_code: ['The code is wrong, expired or already used'],
  token_missing: ['A session token is required'],
  token_invalid: ['The token signature is not valid'],
  token_expired: ['The session token has expired'],
  forbidden: ["The loginId does not belong to the refresh token's user"],
  password_expired: [PASSWORD_EXPIRED],
  not_found: ['No such route'],
  request_timeout: ['The request did not arrive in time'],
  user_exists: ['A user with this login id already exists', { descopeCode: 'E062107' }],
  payload_too_large: ['The request body is too large'],
  unsupported_media_type: ['Send the body as application/json'],
  headers_too_large: ['The request headers are too large'],
  too_many_attempts: [
    'Too many failed attempts for this login id; try again later',
    { retryAfter: 900 },
  ],
  rate_limited: ['Too many requests; retry later', { retryAfter: 60 }],
  internal_error: [
    'Something went wrong on our side (request 3f0c2a9e-6b1d-4a7e-9a39-1f6f3d2c8b11)',
  ],
  upstream_unavailable: ['Descope could not be reached or answered badly'],
  upstream_timeout: ['Descope did not answer within 5000 ms'],
  not_ready: ["Descope's signing keys are not loaded yet; retry shortly", { retryAfter: 2 }],
  limiter_unavailable: ['The limiter is unavailable; retry shortly', { retryAfter: 5 }],
};

/** The body the service sends for `code`, with a fixed request id. */
export function problemExample(code: ProblemCode): ProblemDto {
  const [detail, extras] = EXAMPLES[code];
  const status = PROBLEM_STATUS[code];
  const requestId = '3f0c2a9e-6b1d-4a7e-9a39-1f6f3d2c8b11';
  return {
    type: `urn:problem:${code}`,
    title: PROBLEM_TITLE[code],
    status,
    detail,
    code,
    requestId,
    ...extras,
  };
}

/**
 * The OpenAPI response for one status: `application/problem+json` (what the filter sends), the
 * shared schema, and one named example per code, so Swagger UI shows each code's own body.
 */
export function problemResponse(codes: readonly ProblemCode[]) {
  const examples = Object.fromEntries(
    codes.map((code) => [code, { summary: code, value: problemExample(code) }]),
  );
  return {
    description: `application/problem+json; code: ${codes.join(' | ')}`,
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) }, examples },
    },
  };
}
