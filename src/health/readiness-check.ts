import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ProblemError } from '../problems/problem.error';
import { DependencyIndicators } from './dependency.indicators';
import { ReadinessIndicators } from './readiness.indicators';

/**
 * The probes' checks, once: the management port answers their details, the public port only
 * their status (a stranger learns nothing about which Descope or Redis a replica uses).
 */
@Injectable()
export class ReadinessCheck {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessIndicators,
    private readonly dependencies: DependencyIndicators,
  ) {}

  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicators.check('process').up()]);
  }

  /**
   * Configuration valid and signing keys loaded; Descope, Redis and revocations reported as
   * details (`degraded`), never failing it. Not ready: `not_ready` naming each failed check.
   */
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.readiness.configuration(),
        () => this.readiness.signingKeys(),
        () => this.dependencies.descopeApi(),
        () => this.dependencies.redisStore(),
        () => this.dependencies.revocations(),
      ]);
    } catch (error) {
      throw notReady(error);
    }
  }
}

/** Terminus's 503 as the service's problem, naming each failing check. */
function notReady(error: unknown): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const failed = (error.getResponse() as Partial<HealthCheckResult>).error ?? {};
  const names = Object.entries(failed).map(
    ([name, result]) => `${name} (${String(result?.message ?? 'down')})`,
  );
  return new ProblemError('not_ready', `Not ready: ${names.join(', ') || 'a check failed'}`, {
    retryAfter: 2,
  });
}
