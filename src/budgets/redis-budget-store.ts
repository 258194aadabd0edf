import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis/redis-connection';
import { BudgetStore, BudgetWindow, Reservation, Reserved } from './budget-store';

const PREFIX = 'auth-service:budget:';

/**
 * Takes one unit from every window (a sorted set of entries scored by time), or none when any
 * window is full: then answers the milliseconds until the fullest frees up. Redis's own clock
 * times every entry, so instances with skewed clocks count alike. One round trip per decision.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i, key in ipairs(KEYS) do
  local limit, window = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now)
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[1])
  redis.call('PEXPIRE', key, tonumber(ARGV[2 * i + 1]))
end
return 0
`;

type WithReserve = RedisClient & { reserveBudget(...args: (string | number)[]): Promise<number> };

/** Budgets shared by every instance through Redis (RATE_LIMIT_REDIS_URL). */
export class RedisBudgetStore extends BudgetStore {
  private readonly redis: WithReserve;

  constructor(redis: RedisClient) {
    super();
    redis.defineCommand('reserveBudget', { lua: RESERVE });
    this.redis = redis as WithReserve;
  }

  async reserve(windows: BudgetWindow[]): Promise<Reserved> {
    const id = randomUUID();
    const keys = windows.map((window) => PREFIX + window.key);
    const limits = windows.flatMap((window) => [window.limit, window.windowMs]);
    const waitMs = await this.redis.reserveBudget(keys.length, ...keys, id, ...limits);
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    return { ok: true, reservation: { id, windows } };
  }

  async refund({ id, windows }: Reservation): Promise<void> {
    const pipeline = this.redis.multi();
    for (const { key } of windows) pipeline.zrem(PREFIX + key, id);
    await pipeline.exec();
  }

  async epoch(key: string): Promise<number> {
    return Number(await this.redis.get(`${PREFIX}epoch:${key}`)) || 0;
  }

  async bumpEpochs(keys: string[], ttlMs: number): Promise<void> {
    const pipeline = this.redis.multi();
    for (const key of keys)
      pipeline.incr(`${PREFIX}epoch:${key}`).pexpire(`${PREFIX}epoch:${key}`, ttlMs);
    await pipeline.exec();
  }
}
