import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { TokensModule } from '../tokens/tokens.module';
import { OtpController } from './otp.controller';
import { OtpUpdateService } from './otp-update.service';
import { OtpService } from './otp.service';

@Module({
  imports: [TokensModule, PoliciesModule],
  controllers: [OtpController],
  providers: [OtpService, OtpUpdateService],
})
export class OtpModule {}
