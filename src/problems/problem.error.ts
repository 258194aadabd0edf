import { PROBLEM_STATUS, ProblemCode } from './problem-codes';

/** One bad field of a request. */
export interface FieldError {
  field: string;
  message: string;
}

/** A problem the service answers with: a code of docs/api.md's table and a caller-safe detail. */
export class ProblemError extends Error {
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extras: { errors?: FieldError[]; retryAfter?: number; descopeCode?: string } = {},
  ) {
    super(detail);
    this.status = PROBLEM_STATUS[code];
  }
}
