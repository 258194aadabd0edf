import { createHash, timingSafeEqual } from 'node:crypto';
import { EnvironmentVariables } from '../config/env.validation';
import { ProblemError } from '../problems/problem.error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics: nobody when METRICS_ENABLED=false (404, as if there were no route);
 * with METRICS_TOKEN, only `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time).
 * The counters say how often resets are refused and accounts locked: keep them for operators.
 */
export function checkMetricsAccess(
  config: Pick<EnvironmentVariables, 'METRICS_ENABLED' | 'METRICS_TOKEN'>,
  authorization: string | undefined,
): void {
  if (!config.METRICS_ENABLED) throw new ProblemError('not_found', 'No such route');
  if (!config.METRICS_TOKEN) return;
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (!given) throw new ProblemError('token_missing', 'Send Authorization: Bearer <METRICS_TOKEN>');
  if (!timingSafeEqual(digest(given), digest(config.METRICS_TOKEN))) {
    throw new ProblemError('token_invalid', 'The metrics token is not valid');
  }
}
