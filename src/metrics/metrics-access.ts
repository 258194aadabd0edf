import { createHash, timingSafeEqual } from 'node:crypto';
import { EnvironmentVariables } from '../config/env.validation';
import { ProblemError } from '../problems/problem.error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics on the public port: nobody (404, as if there were no route) unless
 * METRICS_TOKEN is set, and then only `Authorization: Bearer <METRICS_TOKEN>` (compared in
 * constant time). Operators scrape the management port (MANAGEMENT_PORT) instead.
 */
export function checkMetricsAccess(
  config: Pick<EnvironmentVariables, 'METRICS_ENABLED' | 'METRICS_TOKEN'>,
  authorization: string | undefined,
): void {
  if (!config.METRICS_ENABLED || !config.METRICS_TOKEN) {
    throw new ProblemError('not_found', 'No such route');
  }
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (!given) throw new ProblemError('token_missing', 'Send Authorization: Bearer <METRICS_TOKEN>');
  if (!timingSafeEqual(digest(given), digest(config.METRICS_TOKEN))) {
    throw new ProblemError('token_invalid', 'The metrics token is not valid');
  }
}
