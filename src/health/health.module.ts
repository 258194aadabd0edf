import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DependencyIndicators } from './dependency.indicators';
import { HealthController } from './health.controller';
import { ReadinessCheck } from './readiness-check';
import { ReadinessIndicators } from './readiness.indicators';

/**
 * `/health/live` and `/health/ready` on `@nestjs/terminus`: status only on the public port, the
 * details on the management port (ReadinessCheck). Terminus's own logger is off: a failed check
 * is already in the request's log line, and the probe answer names it.
 */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [ReadinessIndicators, DependencyIndicators, ReadinessCheck],
  exports: [ReadinessCheck],
})
export class HealthModule {}
