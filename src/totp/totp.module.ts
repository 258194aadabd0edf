import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { RouteEffectsModule } from '../route-effects/route-effects.module';
import { TokensModule } from '../tokens/tokens.module';
import { TotpController } from './totp.controller';
import { TotpService } from './totp.service';

@Module({
  imports: [RouteEffectsModule, TokensModule, PoliciesModule],
  controllers: [TotpController],
  providers: [TotpService],
})
export class TotpModule {}
