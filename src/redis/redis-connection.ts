import { Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * The one Redis connection of the app (RATE_LIMIT_REDIS_URL), shared by the request limits, the
 * guessing and send budgets and the device-token epochs, so every instance counts together.
 * `client` is undefined when no URL is set: everything then counts in memory, per instance.
 * Commands never wait long: a slow Redis must not slow sign-in.
 */
export class RedisConnection implements OnApplicationShutdown {
  readonly client?: Redis;
  /** The first part of every key and channel name. */
  readonly prefix = 'auth-service';
  private readonly logger = new Logger('Redis');
  private lastWarning = 0;

  constructor(url: string | undefined) {
    if (!url) return;
    this.client = new Redis(url, {
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
    });
    this.client.on('error', () => this.warnUnreachable());
  }

  /** Logs that Redis is unreachable, at most once a minute. */
  warnUnreachable(consequence = 'limits and budgets fall back as configured'): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Redis is unreachable: ${consequence}`);
  }

  onApplicationShutdown(): void {
    if (!this.client) return;
    this.client.disconnect();
    this.logger.log('Closed the Redis connection');
  }
}
