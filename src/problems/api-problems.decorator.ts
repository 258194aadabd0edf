import { ApiResponse, DECORATORS } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';
import { PROBLEM_STATUS, ProblemCode } from './problem-codes';

const CODES = Symbol('api-problems');

/**
 * Documents each problem a route can answer, grouped by status, with the shared shape. Several
 * `ApiProblems` on one route merge (a route-auth decorator's 401s and the route's own), where
 * two plain `ApiResponse`s for one status would overwrite each other.
 */
export function ApiProblems(...codes: ProblemCode[]): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const known = (Reflect.getMetadata(CODES, handler) as ProblemCode[] | undefined) ?? [];
    const all = [...new Set([...known, ...codes])];
    Reflect.defineMetadata(CODES, all, handler);
    const statuses = new Set<number>(all.map((code) => PROBLEM_STATUS[code]));
    // Drop this decorator's earlier entries: ApiResponse would append to them, not replace them.
    const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as object;
    const others = Object.entries(responses).filter(([status]) => !statuses.has(Number(status)));
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, Object.fromEntries(others), handler);
    for (const status of statuses) {
      const list = all.filter((code) => PROBLEM_STATUS[code] === status);
      ApiResponse({
        status,
        type: ProblemDto,
        description: `application/problem+json; code: ${list.join(' | ')}`,
      })(target, key, descriptor);
    }
  };
}

/** Problems any route that calls Descope can answer. */
export const UPSTREAM_PROBLEMS: ProblemCode[] = [
  'rate_limited',
  'upstream_unavailable',
  'upstream_timeout',
];
