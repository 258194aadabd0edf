import { Public } from '@app/auth';
import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EnvironmentVariables } from '../config/env.validation';
import { ApiProblems } from '../problems/api-problems.decorator';
import { checkMetricsAccess } from './metrics-access';
import { MetricsService } from './metrics.service';
import { NoRateLimit } from '../rate-limit/no-rate-limit.decorator';

@ApiTags('health')
@NoRateLimit()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metricsService: MetricsService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP answers, auth outcomes, upstream calls, budgets',
    description:
      'On the public port only when METRICS_TOKEN is set (send it as a bearer token); otherwise ' +
      '404. Operators scrape it on the management port (MANAGEMENT_PORT), which needs no token.',
  })
  @ApiBearerAuth('metrics-token')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format' })
  @ApiProblems('not_found', 'token_missing', 'token_invalid')
  metrics(@Headers('authorization') authorization?: string): Promise<string> {
    checkMetricsAccess(
      {
        METRICS_ENABLED: this.config.get('METRICS_ENABLED', { infer: true }),
        METRICS_TOKEN: this.config.get('METRICS_TOKEN', { infer: true }),
      },
      authorization,
    );
    return this.metricsService.render();
  }
}
