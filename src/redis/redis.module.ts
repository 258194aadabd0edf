import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { RedisConnection } from './redis-connection';

/** The shared Redis connection (or none), for every module that counts across instances. */
@Global()
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) =>
        new RedisConnection(config.get('RATE_LIMIT_REDIS_URL', { infer: true })),
    },
  ],
  exports: [RedisConnection],
})
export class RedisModule {}
