import { PROBLEM_TITLE } from './problem-codes';
import { FieldError, ProblemError } from './problem.error';

/** What a problem answer's body holds: RFC 9457 problem details with the service's code. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  retryAfter?: number;
  errors?: FieldError[];
  descopeCode?: string;
}

/**
 * The problem+json body of `problem` (see ProblemDto), written by the problem filter, the
 * account-hiding effect and the handler of errors that never reach Nest.
 */
export function problemBody(
  problem: ProblemError,
  requestId: string,
  retryAfter?: number,
): ProblemBody {
  const { errors, descopeCode } = problem.extras;
  return {
    type: `urn:problem:${problem.code}`,
    title: PROBLEM_TITLE[problem.code],
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    requestId,
    ...(retryAfter ? { retryAfter } : {}),
    ...(errors ? { errors } : {}),
    ...(descopeCode ? { descopeCode } : {}),
  };
}
