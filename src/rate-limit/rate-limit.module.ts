import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ThrottlerModule,
  ThrottlerModuleOptions,
  ThrottlerStorageService,
} from '@nestjs/throttler';
import { EnvironmentVariables } from '../config/env.validation';
import { MetricsModule } from '../metrics/metrics.module';
import { MetricsService } from '../metrics/metrics.service';
import { RedisConnection } from '../redis/redis-connection';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * One request limit per route per minute per client IP (flood protection; guessing is limited
 * by the budgets). Counted in Redis when one is configured (in memory while it fails), in
 * memory otherwise.
 * A limit of 0 turns it off.
 */
function throttlerOptions(
  config: ConfigService<EnvironmentVariables, true>,
  redis: RedisConnection,
  metrics: MetricsService,
): ThrottlerModuleOptions {
  const perIp = config.get('RATE_LIMIT_IP_PER_MINUTE', { infer: true });
  if (config.get('RATE_LIMIT_LOGIN_ID_PER_MINUTE', { infer: true }) !== undefined) {
    new Logger('RateLimit').warn(
      'RATE_LIMIT_LOGIN_ID_PER_MINUTE is ignored: guessing is now limited per account by ' +
        'AUTH_FAILURES_PER_CLIENT, AUTH_FAILURES_PER_ACCOUNT, AUTH_FAILURES_PER_DEVICE and ' +
        'AUTH_FAILURES_TRUSTED_PER_ACCOUNT, and sends by SENDS_PER_* (see the README)',
    );
  }
  const onFailure = () => {
    metrics.limiterFailures.inc({ limiter: 'requests' });
    redis.warnUnreachable();
  };
  const failClosed = config.get('RATE_LIMIT_FAIL_CLOSED', { infer: true });
  return {
    storage:
      redis.client &&
      new RedisThrottlerStorage(
        redis.client,
        redis.prefix,
        new ThrottlerStorageService(),
        failClosed,
        onFailure,
      ),
    throttlers: [{ name: 'ip', ttl: 60_000, limit: perIp, skipIf: () => perIp === 0 }],
  };
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [MetricsModule],
      inject: [ConfigService, RedisConnection, MetricsService],
      useFactory: throttlerOptions,
    }),
  ],
  providers: [RateLimitGuard],
  exports: [RateLimitGuard],
})
export class RateLimitModule {}
