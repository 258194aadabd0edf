import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DependencyIndicators } from './dependency.indicators';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './readiness.indicators';

/**
 * `/health/live` and `/health/ready` on `@nestjs/terminus`. Terminus's own logger is off: a failed
 * check is already in the request's log line, and the probe answer names it.
 */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [ReadinessIndicators, DependencyIndicators],
})
export class HealthModule {}
