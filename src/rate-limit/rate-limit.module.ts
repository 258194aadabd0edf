import { ExecutionContext, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import { EnvironmentVariables } from '../config/env.validation';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RateLimitGuard } from './rate-limit.guard';

type Request = { ip: string; body?: { loginId?: unknown } };

/** The login id a request is about, normalised; `undefined` when the body names none. */
const loginIdOf = (context: ExecutionContext) => {
  const loginId = context.switchToHttp().getRequest<Request>().body?.loginId;
  return typeof loginId === 'string' && loginId.trim() ? loginId.trim().toLowerCase() : undefined;
};

/**
 * Two limits per route, both per minute: one per client IP, one per login id named in the body
 * (credential guessing on one account from many IPs). Counted in Redis when RATE_LIMIT_REDIS_URL
 * is set (shared by every instance), in memory otherwise. A limit of 0 turns that limit off.
 */
function throttlerOptions(
  config: ConfigService<EnvironmentVariables, true>,
): ThrottlerModuleOptions {
  const perIp = config.get('RATE_LIMIT_IP_PER_MINUTE', { infer: true });
  const perLoginId = config.get('RATE_LIMIT_LOGIN_ID_PER_MINUTE', { infer: true });
  const redisUrl = config.get('RATE_LIMIT_REDIS_URL', { infer: true });
  return {
    storage: redisUrl ? new RedisThrottlerStorage(redisUrl) : undefined,
    throttlers: [
      { name: 'ip', ttl: 60_000, limit: perIp, skipIf: () => perIp === 0 },
      {
        name: 'login-id',
        ttl: 60_000,
        limit: perLoginId,
        skipIf: (context) => perLoginId === 0 || !loginIdOf(context),
        getTracker: (_request, context) => loginIdOf(context) ?? '',
      },
    ],
  };
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({ inject: [ConfigService], useFactory: throttlerOptions }),
  ],
  providers: [RateLimitGuard],
  exports: [RateLimitGuard],
})
export class RateLimitModule {}
