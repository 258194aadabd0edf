import { Global, Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { AuditLog } from './audit-log';

@Global()
@Module({ imports: [MetricsModule], providers: [AuditLog], exports: [AuditLog] })
export class AuditModule {}
