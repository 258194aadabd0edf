import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ManagementServer } from './management-server';

/** The management port (ManagementServer): started by main.ts once the public port listens. */
@Module({
  imports: [HealthModule, MetricsModule],
  providers: [ManagementServer],
  exports: [ManagementServer],
})
export class ManagementModule {}
