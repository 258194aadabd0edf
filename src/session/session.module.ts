import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens/tokens.module';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';

@Module({
  imports: [TokensModule],
  controllers: [SessionController],
  providers: [SessionService],
})
export class SessionModule {}
