import { MemoryBudgetStore } from './memory-budget-store';

describe('MemoryBudgetStore', () => {
  const store = new MemoryBudgetStore();
  afterAll(() => store.onModuleDestroy());
  const window = (key: string, limit = 2, windowMs = 60_000) => ({
    key,
    group: key,
    limit,
    windowMs,
  });

  it('takes one unit from every window, or none when any is full, with the wait', async () => {
    const [a, b] = [window('a'), window('b', 1)];
    expect((await store.reserve([a, b])).ok).toBe(true);
    const refused = await store.reserve([a, b]);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect((await store.reserve([a])).ok).toBe(true); // `a` was not charged by the refusal
    expect((await store.reserve([a])).ok).toBe(false);
  });

  it('gives a refunded unit back', async () => {
    const w = window('refund', 1);
    const first = await store.reserve([w]);
    if (!first.ok) throw new Error('expected a reservation');
    await store.refund(first.reservation);
    expect((await store.reserve([w])).ok).toBe(true);
  });

  it('never lets concurrent reservations take more than the limit', async () => {
    const w = window('race', 5);
    const results = await Promise.all(Array.from({ length: 50 }, () => store.reserve([w])));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
  });

  it('bumps epochs, which expire', async () => {
    expect(await store.epoch('x')).toBe(0);
    await store.bumpEpochs(['x'], 60_000);
    expect(await store.epoch('x')).toBe(1);
    await store.bumpEpochs(['x', 'z'], 60_000);
    expect([await store.epoch('x'), await store.epoch('z')]).toEqual([2, 1]);
    await store.bumpEpochs(['y'], -1);
    expect(await store.epoch('y')).toBe(0);
  });
});
