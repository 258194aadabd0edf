import { ThrottlerStorageService } from '@nestjs/throttler';
import type { RedisClient } from '../redis/redis-connection';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** A client whose transactions fail, as while Redis is unreachable. */
const down = {
  multi: () => {
    const chain = {
      incr: () => chain,
      pexpire: () => chain,
      pttl: () => chain,
      exec: () => Promise.reject(new Error('Connection is closed.')),
    };
    return chain;
  },
} as unknown as RedisClient;

function storage(failClosed: boolean) {
  const memory = new ThrottlerStorageService();
  let failures = 0;
  const store = new RedisThrottlerStorage(down, 'test', memory, failClosed, () => (failures += 1));
  return { store, memory, failures: () => failures };
}

describe('RedisThrottlerStorage', () => {
  it("counts in this instance's memory while Redis fails: the limit still holds", async () => {
    const { store, memory, failures } = storage(false);
    const blocked = [];
    for (let i = 0; i < 3; i += 1)
      blocked.push((await store.increment('client', 60_000, 2, 0, 'ip')).isBlocked);
    expect(blocked).toEqual([false, false, true]);
    expect(failures()).toBe(3);
    memory.onApplicationShutdown();
  });

  it('answers 503 limiter_unavailable when failing closed', async () => {
    const { store, memory, failures } = storage(true);
    await expect(store.increment('client', 60_000, 2, 0, 'ip')).rejects.toMatchObject({
      status: 503,
      code: 'limiter_unavailable',
    });
    expect(failures()).toBe(1);
    memory.onApplicationShutdown();
  });
});
