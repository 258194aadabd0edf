import { Public } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';
import { ProblemError } from '../problems/problem.error';
import { NoRateLimit } from '../rate-limit/no-rate-limit.decorator';
import { ReadinessCheck } from './readiness-check';

/** What the public port says about health: the status, no details (those are on MANAGEMENT_PORT). */
export interface HealthStatus {
  status: string;
}

@ApiTags('health')
@NoRateLimit()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly check: ReadinessCheck) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (liveness probe); checks nothing else' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  async live(): Promise<HealthStatus> {
    return { status: (await this.check.live()).status };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Ready to serve (readiness probe): configuration valid, signing keys loaded',
    description:
      'Status only. The details (which checks, Descope and Redis reachability, revocations) are ' +
      'on the management port (MANAGEMENT_PORT, /health/ready), never on the public one.',
  })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiProblems('not_ready')
  async ready(): Promise<HealthStatus> {
    try {
      return { status: (await this.check.ready()).status };
    } catch (error) {
      if (!(error instanceof ProblemError) || error.code !== 'not_ready') throw error;
      throw new ProblemError('not_ready', 'Not ready; retry shortly', { retryAfter: 2 });
    }
  }
}
