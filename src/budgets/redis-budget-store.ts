import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis/redis-connection';
import { redisEpochKey, redisWindowKey } from './budget-keys';
import { BudgetStore, BudgetWindow, Reservation, Reserved } from './budget-store';

/**
 * Takes one unit from every window (a sorted set of entries scored by time), or none when any
 * window is full: then answers the milliseconds until the fullest frees up. Redis's own clock
 * times every entry, so instances with skewed clocks count alike. Every key is in KEYS, all on
 * one slot (one group's hash tag), as Redis Cluster requires of a script.
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

/** The windows by group, in the order their groups first appear. */
function byGroup(windows: BudgetWindow[]): BudgetWindow[][] {
  const groups = new Map<string, BudgetWindow[]>();
  for (const window of windows)
    groups.set(window.group, [...(groups.get(window.group) ?? []), window]);
  return [...groups.values()];
}

/**
 * Budgets shared by every instance through Redis, standalone, Sentinel or Cluster. A group's
 * windows (one login id's, or one address's: see BudgetWindow) are taken in one script on one
 * slot, one round trip: a guess only ever spends its account's group, atomically. A send may
 * span groups (its destination, its login id, its phone channel), which a cluster keeps on
 * different slots: they are taken group after group, and a refusal gives the groups already
 * taken back. No window then ever holds more than its limit; a concurrent attempt may at worst
 * be refused by a unit that is being given back. Tagging every key of a reservation with one
 * tag instead would have split the destination's and the channel's counts per login id.
 */
export class RedisBudgetStore extends BudgetStore {
  private readonly redis: WithReserve;

  constructor(
    redis: RedisClient,
    private readonly prefix: string,
  ) {
    super();
    redis.defineCommand('reserveBudget', { lua: RESERVE });
    this.redis = redis as WithReserve;
  }

  async reserve(windows: BudgetWindow[]): Promise<Reserved> {
    const id = randomUUID();
    const taken: BudgetWindow[] = [];
    for (const group of byGroup(windows)) {
      const waitMs = await this.reserveGroup(id, group);
      if (waitMs > 0) {
        await this.refund({ id, windows: taken });
        return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      }
      taken.push(...group);
    }
    return { ok: true, reservation: { id, windows } };
  }

  async refund({ id, windows }: Reservation): Promise<void> {
    await Promise.all(
      byGroup(windows).map((group) => {
        const pipeline = this.redis.multi();
        for (const window of group) pipeline.zrem(redisWindowKey(this.prefix, window), id);
        return pipeline.exec();
      }),
    );
  }

  async epoch(account: string): Promise<number> {
    return Number(await this.redis.get(redisEpochKey(this.prefix, account))) || 0;
  }

  /** One transaction per login id: a cluster keeps their epochs on different slots. */
  async bumpEpochs(accounts: string[], ttlMs: number): Promise<void> {
    await Promise.all(
      accounts.map((account) => {
        const key = redisEpochKey(this.prefix, account);
        return this.redis.multi().incr(key).pexpire(key, ttlMs).exec();
      }),
    );
  }

  private reserveGroup(id: string, windows: BudgetWindow[]): Promise<number> {
    const keys = windows.map((window) => redisWindowKey(this.prefix, window));
    const limits = windows.flatMap((window) => [window.limit, window.windowMs]);
    return this.redis.reserveBudget(keys.length, ...keys, id, ...limits);
  }
}
