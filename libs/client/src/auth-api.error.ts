import type { Problem } from './types';

/**
 * A non-2xx answer of the auth service. Its fields are those of the problem+json body
 * (docs/api.md, "Errors"), so a caller branches on `code` or `status` without parsing anything.
 * An answer that is not problem+json (a proxy's HTML page) still becomes one, with
 * `type: 'about:blank'` as RFC 9457 says for a problem that has no type of its own.
 */
export class AuthApiError extends Error {
  override readonly name = 'AuthApiError';
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** The service's problem code (`invalid_credentials`, `token_expired`...), when it sent one. */
  readonly code?: string;
  readonly requestId?: string;
  /** Seconds to wait before trying again (429). */
  readonly retryAfter?: number;
  /** Each bad field of a 400. */
  readonly errors?: Problem['errors'];
  /** The problem+json body as the service sent it, when it sent one. */
  readonly problem?: Problem;

  constructor(
    readonly status: number,
    problem: Pick<Problem, 'type' | 'title' | 'detail'> & Partial<Problem>,
  ) {
    super(`${status} ${problem.title}: ${problem.detail}`);
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.requestId = problem.requestId;
    this.retryAfter = problem.retryAfter;
    this.errors = problem.errors;
    if (isProblem(problem)) this.problem = problem;
  }

  /** The error for an answer, from the body openapi-fetch read (JSON when it parsed, else text). */
  static from(response: Response, body: unknown): AuthApiError {
    if (isProblem(body)) return new AuthApiError(response.status, body);
    const title = response.statusText || `HTTP ${response.status}`;
    const detail = typeof body === 'string' ? body.slice(0, 200) : '';
    return new AuthApiError(response.status, { type: 'about:blank', title, detail });
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' &&
  body !== null &&
  ['type', 'title', 'detail', 'code'].every(
    (key) => typeof (body as Record<string, unknown>)[key] === 'string',
  );
