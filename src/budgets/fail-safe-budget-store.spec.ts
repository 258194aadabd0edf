import { BudgetStore, BudgetWindow } from './budget-store';
import { FailSafeBudgetStore } from './fail-safe-budget-store';
import { MemoryBudgetStore } from './memory-budget-store';

const unreachable = () => Promise.reject(new Error('Connection is closed.'));
/** A shared store whose Redis is gone: every call fails. */
const DOWN = {
  reserve: unreachable,
  refund: unreachable,
  epoch: unreachable,
  bumpEpochs: unreachable,
} as unknown as BudgetStore;

const account: BudgetWindow = { key: 'guess:account:a', group: 'a', limit: 2, windowMs: 60_000 };

function failSafe(shared: BudgetStore, failClosed = false) {
  const memory = new MemoryBudgetStore();
  let failures = 0;
  const store = new FailSafeBudgetStore(shared, memory, failClosed, () => (failures += 1));
  return { store, memory, failures: () => failures };
}

describe('FailSafeBudgetStore', () => {
  it("answers from this instance's memory while Redis fails: the budget still holds", async () => {
    const { store, failures } = failSafe(DOWN);
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await store.reserve([account])).ok);
    expect(answers).toEqual([true, true, false]);
    expect(failures()).toBe(3);
    store.onModuleDestroy();
  });

  it('gives a reservation memory made back to memory', async () => {
    const { store, memory } = failSafe(DOWN);
    const refund = jest.spyOn(memory, 'refund');
    await store.reserve([account]);
    const second = await store.reserve([account]);
    if (!second.ok) throw new Error('expected a reservation');
    await store.refund(second.reservation);
    expect(refund).toHaveBeenCalledWith(second.reservation);
    expect((await store.reserve([account])).ok).toBe(true);
    store.onModuleDestroy();
  });

  it('trusts no device token while the epochs are unreadable, and keeps a bump from failing', async () => {
    const { store, failures } = failSafe(DOWN);
    expect(await store.epoch('a')).toBe(-1);
    await expect(store.bumpEpochs(['a'], 1000)).resolves.toBeUndefined();
    expect(failures()).toBe(2);
    store.onModuleDestroy();
  });

  it('answers 503 limiter_unavailable when failing closed, but never fails a refund', async () => {
    const { store, failures } = failSafe(DOWN, true);
    await expect(store.reserve([account])).rejects.toMatchObject({
      status: 503,
      code: 'limiter_unavailable',
      extras: { retryAfter: 5 },
    });
    await expect(store.refund({ id: 'x', windows: [account] })).resolves.toBeUndefined();
    expect(failures()).toBe(2);
    store.onModuleDestroy();
  });

  it('leaves memory alone while the shared store answers', async () => {
    const shared = new MemoryBudgetStore();
    const { store, memory, failures } = failSafe(shared);
    const reserve = jest.spyOn(memory, 'reserve');
    const reserved = await store.reserve([account]);
    if (!reserved.ok) throw new Error('expected a reservation');
    await store.refund(reserved.reservation);
    expect([reserve.mock.calls.length, failures()]).toEqual([0, 0]);
    shared.onModuleDestroy();
    store.onModuleDestroy();
  });
});
