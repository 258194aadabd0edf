import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from './dto/problem.dto';
import { PROBLEM_STATUS, ProblemCode } from './problem-codes';

/** Documents each problem a route can answer, grouped by status, with the shared shape. */
export function ApiProblems(...codes: ProblemCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) {
    byStatus.set(PROBLEM_STATUS[code], [...(byStatus.get(PROBLEM_STATUS[code]) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({
        status,
        type: ProblemDto,
        description: `application/problem+json; code: ${list.join(' | ')}`,
      }),
    ),
  );
}

/** Problems any route that calls Descope can answer. */
export const UPSTREAM_PROBLEMS: ProblemCode[] = [
  'rate_limited',
  'upstream_unavailable',
  'upstream_timeout',
];
