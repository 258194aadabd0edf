import { OnModuleDestroy } from '@nestjs/common';
import { ProblemError } from '../problems/problem.error';
import { BudgetStore, BudgetWindow, Reservation, Reserved } from './budget-store';
import { MemoryBudgetStore } from './memory-budget-store';

/**
 * The shared store (Redis), answered by this instance's memory while it fails. An outage then
 * gives an attacker at most the budget on each instance (instances × budget guesses), never an
 * unlimited number; with RATE_LIMIT_FAIL_CLOSED every failure is a 503 `limiter_unavailable`
 * instead. Each failure is counted and logged through `onFailure`.
 */
export class FailSafeBudgetStore extends BudgetStore implements OnModuleDestroy {
  /** Reservations memory answered: their refunds go back there. */
  private readonly inMemory = new WeakSet<Reservation>();

  constructor(
    private readonly shared: BudgetStore,
    private readonly memory: MemoryBudgetStore,
    private readonly failClosed: boolean,
    private readonly onFailure: () => void,
  ) {
    super();
  }

  async reserve(windows: BudgetWindow[]): Promise<Reserved> {
    try {
      return await this.shared.reserve(windows);
    } catch {
      this.failed();
      const reserved = await this.memory.reserve(windows);
      if (reserved.ok) this.inMemory.add(reserved.reservation);
      return reserved;
    }
  }

  /**
   * Never fails the answer, even failing closed: the attempt has happened and its answer must
   * reach the caller; units Redis keeps expire with their windows.
   */
  async refund(reservation: Reservation): Promise<void> {
    if (this.inMemory.has(reservation)) return this.memory.refund(reservation);
    try {
      await this.shared.refund(reservation);
    } catch {
      this.onFailure();
    }
  }

  /**
   * Unreadable: -1, an epoch no device token was minted under, so none is trusted. Not memory's
   * epoch: it knows no revocation made on another instance or before this one started, and
   * would trust the tokens of a stolen device again; owners spend the untrusted budgets
   * (in memory) until Redis is back.
   */
  async epoch(key: string): Promise<number> {
    try {
      return await this.shared.epoch(key);
    } catch {
      this.failed();
      return -1;
    }
  }

  async bumpEpochs(keys: string[], ttlMs: number): Promise<void> {
    try {
      await this.shared.bumpEpochs(keys, ttlMs);
    } catch {
      this.failed();
    }
  }

  onModuleDestroy(): void {
    this.memory.onModuleDestroy();
  }

  /** Counts and logs a failure; throws 503 when failing closed. */
  private failed(): void {
    this.onFailure();
    if (this.failClosed) {
      throw new ProblemError('limiter_unavailable', 'The limiter is unavailable; retry shortly', {
        retryAfter: 5,
      });
    }
  }
}
