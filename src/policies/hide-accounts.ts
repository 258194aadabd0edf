import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { routeConfigOf, WithRouteConfig } from '../http/route-config';
import { ProblemCode } from '../problems/problem-codes';
import { classifyFailure } from '../problems/classify-failure';
import { ProblemError } from '../problems/problem.error';

/** The one answer a route gives for every failure of the secret it checks. */
export interface AccountFailure {
  code: Extract<ProblemCode, 'invalid_credentials' | 'invalid_code'>;
  detail: string;
}

const HIDES_ACCOUNTS = 'hidesAccounts';

/**
 * The route must not reveal whether an account exists: see `hideAccounts`. Routes that check a
 * secret name their one failure answer; the others (sends) only hide Descope's code.
 */
export const HidesAccounts = (failure?: AccountFailure) =>
  WithRouteConfig({ [HIDES_ACCOUNTS]: { failure } });

/** The request's route hides accounts: its rule, or undefined. */
export const hidingOf = (request: FastifyRequest) =>
  routeConfigOf(request)[HIDES_ACCOUNTS] as { failure?: AccountFailure } | undefined;

/**
 * What a route that hides accounts answers instead of `error` (run by the problem filter, so a
 * success pays nothing): a wrong secret, an unknown user and Descope's lock-out of a code
 * (E061103) all answer the route's `failure`, one identical body, no sooner than `floorMs`
 * after the request arrived (so neither body nor timing depends on the account); every other
 * problem loses its `descopeCode`. The original stays as `cause` for the audit and 5xx log lines.
 */
export async function hideAccounts(
  error: unknown,
  failure: AccountFailure | undefined,
  reply: FastifyReply,
  floorMs: number,
): Promise<unknown> {
  const { problem, unexpected, secret } = classifyFailure(error);
  if (unexpected) return error;
  if (failure && secret) {
    await sleep(Math.max(0, floorMs - reply.elapsedTime));
    return Object.assign(new ProblemError(failure.code, failure.detail), { cause: error });
  }
  const { descopeCode: _hidden, ...extras } = problem.extras;
  return Object.assign(new ProblemError(problem.code, problem.detail, extras), { cause: error });
}
