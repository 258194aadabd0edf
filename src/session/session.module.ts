import { Module } from '@nestjs/common';
import { RouteEffectsModule } from '../route-effects/route-effects.module';
import { TokensModule } from '../tokens/tokens.module';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';
import { RefreshCoalescer } from './refresh/refresh-coalescer';
import { RefreshReuse } from './refresh/refresh-reuse';
import { SessionLogout } from './session-logout';

@Module({
  imports: [RouteEffectsModule, TokensModule],
  controllers: [SessionController],
  providers: [SessionService, SessionLogout, RefreshCoalescer, RefreshReuse],
})
export class SessionModule {}
