import { Public } from '@app/auth';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiProblems } from '../problems/api-problems.decorator';
import { ProblemError } from '../problems/problem.error';
import { NoRateLimit } from '../rate-limit/no-rate-limit.decorator';
import { DependencyIndicators } from './dependency.indicators';
import { READY_EXAMPLE } from './health.examples';
import { ReadinessIndicators } from './readiness.indicators';

@ApiTags('health')
@NoRateLimit()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessIndicators,
    private readonly dependencies: DependencyIndicators,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (liveness probe); checks nothing else' })
  @ApiOkResponse({ schema: { example: { status: 'ok', info: { process: { status: 'up' } } } } })
  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicators.check('process').up()]);
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Ready to serve (readiness probe): configuration valid, signing keys loaded',
    description:
      'Descope and Redis reachability are reported as details (`degraded` when unreachable) but ' +
      'never fail readiness: cached keys still validate sessions during their outage. ' +
      '`revocations` is `degraded` while logouts made here wait for Redis to reach the other ' +
      "instances, or while this one has not yet read the other instances' live revocations.",
  })
  @ApiOkResponse({ schema: { example: READY_EXAMPLE } })
  @ApiProblems('not_ready')
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
