import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { RouteEffectsModule } from '../route-effects/route-effects.module';
import { TokensModule } from '../tokens/tokens.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetService } from './password-reset.service';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';

@Module({
  imports: [RouteEffectsModule, TokensModule, PoliciesModule, MetricsModule],
  controllers: [PasswordController, PasswordResetController],
  providers: [PasswordService, PasswordResetService],
})
export class PasswordModule {}
