import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, DECORATORS } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';
import { PROBLEM_STATUS, ProblemCode } from './problem-codes';
import { problemResponse } from './problem-examples';

const CODES = Symbol('api-problems');

/** Every code, in the order of the table in problem-codes.ts. */
const CODE_ORDER = Object.keys(PROBLEM_STATUS) as ProblemCode[];

/**
 * Documents each problem a route can answer, grouped by status: `application/problem+json`, the
 * shared shape and one example per code. Several `ApiProblems` on one route merge (a route-auth
 * decorator's 401s and the route's own), where two plain `ApiResponse`s for one status would
 * overwrite each other. Statuses and codes come out in one fixed order (by status, then as the
 * code table lists them), whatever order the decorators were stacked in.
 */
export function ApiProblems(...codes: ProblemCode[]): MethodDecorator {
  const documentProblems: MethodDecorator = (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const known = (Reflect.getMetadata(CODES, handler) as ProblemCode[] | undefined) ?? [];
    const all = CODE_ORDER.filter((code) => known.includes(code) || codes.includes(code));
    Reflect.defineMetadata(CODES, all, handler);
    const statuses = new Set<number>(all.map((code) => PROBLEM_STATUS[code]).sort((a, b) => a - b));
    // Drop this decorator's earlier entries: ApiResponse would append to them, not replace them.
    const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as object;
    const others = Object.entries(responses).filter(([status]) => !statuses.has(Number(status)));
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, Object.fromEntries(others), handler);
    for (const status of statuses) {
      const list = all.filter((code) => PROBLEM_STATUS[code] === status);
      ApiResponse({ status, ...problemResponse(list) })(target, key, descriptor);
    }
  };
  // The responses point at ProblemDto by $ref: the model must be in the document.
  return applyDecorators(ApiExtraModels(ProblemDto), documentProblems);
}

/** Problems any route that calls Descope can answer. */
export const UPSTREAM_PROBLEMS: ProblemCode[] = [
  'rate_limited',
  'upstream_unavailable',
  'upstream_timeout',
];
