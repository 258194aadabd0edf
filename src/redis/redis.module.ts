import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { REDIS_KEYS, redisTopologyOf, RedisSettings } from '../config/redis-settings';
import { RedisConnection } from './redis-connection';

/** The connection to the configured topology; warns at start about the old name of REDIS_URL. */
function redisConnection(config: ConfigService<EnvironmentVariables, true>): RedisConnection {
  const settings = Object.fromEntries(
    REDIS_KEYS.map((key) => [key, config.get(key, { infer: true })]),
  ) as RedisSettings;
  if (settings.RATE_LIMIT_REDIS_URL) {
    new Logger('Redis').warn(
      settings.REDIS_URL
        ? 'RATE_LIMIT_REDIS_URL is ignored: REDIS_URL is set too (remove the old name)'
        : 'RATE_LIMIT_REDIS_URL is deprecated: rename it REDIS_URL',
    );
  }
  return new RedisConnection(
    redisTopologyOf(settings),
    config.get('REDIS_KEY_PREFIX', { infer: true }),
  );
}

/** The shared Redis connection (or none), for every module that counts across instances. */
@Global()
@Module({
  providers: [{ provide: RedisConnection, inject: [ConfigService], useFactory: redisConnection }],
  exports: [RedisConnection],
})
export class RedisModule {}
