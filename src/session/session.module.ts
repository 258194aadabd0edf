import { Module } from '@nestjs/common';
import { RouteEffectsModule } from '../route-effects/route-effects.module';
import { TokensModule } from '../tokens/tokens.module';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';

@Module({
  imports: [RouteEffectsModule, TokensModule],
  controllers: [SessionController],
  providers: [SessionService],
})
export class SessionModule {}
