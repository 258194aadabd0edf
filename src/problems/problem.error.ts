import { PROBLEM_STATUS, ProblemCode } from './problem-codes';

/** One bad field of a request. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * A problem the service answers with: a code of docs/api.md's table and a caller-safe detail.
 * A 4xx is an answer, not a fault, and its stack is never read, so none is captured (capturing
 * one was a tenth of the cost of refusing a request); a 5xx keeps its stack for the log line.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
  readonly extras: { errors?: FieldError[]; retryAfter?: number; descopeCode?: string };

  constructor(code: ProblemCode, detail: string, extras: ProblemError['extras'] = {}) {
    const status = PROBLEM_STATUS[code];
    const limit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    try {
      super(detail);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.extras = extras;
  }
}
