import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const PASS: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

/**
 * Fixed-window counters in Redis, so every instance of the service shares one count. One round
 * trip per hit (INCR, PEXPIRE NX, PTTL in a transaction). When Redis is unreachable the limiter
 * fails open, with a warning at most once a minute: an outage of the limiter must not become an
 * outage of sign-in.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly redis: Redis;
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly prefix = 'auth-service:rate',
  ) {
    // Commands wait for the first connection, but never long: a slow Redis must not slow sign-in.
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
    });
    this.redis.on('error', () => this.warn());
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _block: number,
    name: string,
  ): Promise<ThrottlerStorageRecord> {
    const id = `${this.prefix}:${name}:${key}`;
    try {
      const results = await this.redis.multi().incr(id).pexpire(id, ttl, 'NX').pttl(id).exec();
      const totalHits = Number(results?.[0]?.[1] ?? 0);
      const timeToExpire = Math.max(1, Math.ceil(Number(results?.[2]?.[1] ?? ttl) / 1000));
      const isBlocked = totalHits > limit;
      return {
        totalHits,
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? timeToExpire : 0,
      };
    } catch {
      this.warn();
      return PASS;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await Promise.resolve();
  }

  private warn(): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn('Redis for rate limits is unreachable: requests are not being limited');
  }
}
