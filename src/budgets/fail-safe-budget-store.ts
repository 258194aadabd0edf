import { ProblemError } from '../problems/problem.error';
import { BudgetStore, BudgetWindow, Reservation, Reserved } from './budget-store';

/** What an unreachable store answers when failing open: no limit applied, nothing to refund. */
const UNLIMITED: Reserved = { ok: true, reservation: { id: '', windows: [] } };

/**
 * A store whose failures (Redis unreachable) are answered as RATE_LIMIT_FAIL_CLOSED says: fail
 * open (no budget applies; `onFailure` logs and counts it) or fail closed (503
 * `limiter_unavailable`). An outage of the limiter should not, by default, be an outage of sign-in.
 */
export class FailSafeBudgetStore extends BudgetStore {
  constructor(
    private readonly inner: BudgetStore,
    private readonly failClosed: boolean,
    private readonly onFailure: () => void,
  ) {
    super();
  }

  reserve(windows: BudgetWindow[]): Promise<Reserved> {
    return this.guard(() => this.inner.reserve(windows), UNLIMITED);
  }

  refund(reservation: Reservation): Promise<void> {
    if (!reservation.windows.length) return Promise.resolve();
    return this.guard(() => this.inner.refund(reservation), undefined);
  }

  /** Unreadable when failing open: -1, an epoch no device token was minted under: none is trusted. */
  epoch(key: string): Promise<number> {
    return this.guard(() => this.inner.epoch(key), -1);
  }

  bumpEpochs(keys: string[], ttlMs: number): Promise<void> {
    return this.guard(() => this.inner.bumpEpochs(keys, ttlMs), undefined);
  }

  private async guard<T>(operation: () => Promise<T>, open: T): Promise<T> {
    try {
      return await operation();
    } catch {
      this.onFailure();
      if (this.failClosed) {
        throw new ProblemError('limiter_unavailable', 'The limiter is unavailable; retry shortly', {
          retryAfter: 5,
        });
      }
      return open;
    }
  }
}
