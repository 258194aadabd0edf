import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { TokensModule } from '../tokens/tokens.module';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';

@Module({
  imports: [TokensModule, PoliciesModule],
  controllers: [PasswordController],
  providers: [PasswordService],
})
export class PasswordModule {}
