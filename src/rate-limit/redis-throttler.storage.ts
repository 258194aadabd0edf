import { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisClient } from '../redis/redis-connection';
import { ProblemError } from '../problems/problem.error';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const PASS: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

/**
 * Fixed-window request counters in Redis, so every instance shares one count (a client may
 * burst up to twice the limit across a window boundary). One round trip per hit (INCR,
 * PEXPIRE NX, PTTL in a transaction). When Redis is unreachable: fail open (`onFailure` logs and
 * counts it), or fail closed with 503 `limiter_unavailable` (RATE_LIMIT_FAIL_CLOSED).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: RedisClient,
    private readonly failClosed: boolean,
    private readonly onFailure: () => void,
    private readonly prefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _block: number,
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
      return PASS;
    }
  }
}
