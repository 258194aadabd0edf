import { Global, Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { RevocationPublisher } from './revocation-publisher';
import { SessionRevocations } from './session-revocations';

/** Ending sessions across instances: `SessionRevocations`, for the routes that end them. */
@Global()
@Module({
  imports: [MetricsModule],
  providers: [RevocationPublisher, SessionRevocations],
  exports: [RevocationPublisher, SessionRevocations],
})
export class RevocationModule {}
