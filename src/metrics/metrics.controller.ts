import { Public } from '@app/auth';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MetricsService } from './metrics.service';
import { NoRateLimit } from '../rate-limit/no-rate-limit.decorator';

@ApiTags('health')
@NoRateLimit()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metricsService: MetricsService) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP answers by route and status, process metrics',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format' })
  metrics(): Promise<string> {
    return this.metricsService.render();
  }
}
