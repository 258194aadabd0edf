import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { RouteEffectsModule } from '../route-effects/route-effects.module';
import { TokensModule } from '../tokens/tokens.module';
import { OtpUpdateController } from './otp-update.controller';
import { OtpController } from './otp.controller';
import { OtpUpdateService } from './otp-update.service';
import { PendingAddressUpdates } from './pending-address-updates';
import { OtpService } from './otp.service';

@Module({
  imports: [RouteEffectsModule, TokensModule, PoliciesModule],
  controllers: [OtpController, OtpUpdateController],
  providers: [OtpService, OtpUpdateService, PendingAddressUpdates],
})
export class OtpModule {}
