import { ThrottlerStorage } from '@nestjs/throttler';
import { ProblemError } from '../problems/problem.error';
import type { RedisClient } from '../redis/redis-connection';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Fixed-window request counters in Redis, so every instance shares one count (a client may
 * burst up to twice the limit across a window boundary). One round trip per hit (INCR,
 * PEXPIRE NX, PTTL in a transaction on one key). While Redis fails, `memory` (this instance's
 * own counters) answers, so a client gets at most the limit on each instance; with
 * RATE_LIMIT_FAIL_CLOSED it is a 503 `limiter_unavailable` instead. `onFailure` counts and logs.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly memory: ThrottlerStorage,
    private readonly failClosed: boolean,
    private readonly onFailure: () => void,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    block: number,
    name: string,
  ): Promise<ThrottlerStorageRecord> {
    // The whole name is the hash tag: Redis Cluster keeps the transaction on one slot.
    const id = `{${this.prefix}:rate:${name}:${key}}`;
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
      this.onFailure();
      if (this.failClosed) {
        throw new ProblemError('limiter_unavailable', 'The limiter is unavailable; retry shortly', {
          retryAfter: 5,
        });
      }
      return this.memory.increment(key, ttl, limit, block, name);
    }
  }
}
