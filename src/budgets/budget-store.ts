/** A sliding window: at most `limit` entries in the last `windowMs` under `key`. */
export interface BudgetWindow {
  key: string;
  /**
   * Whom the window counts (a login id or address, a phone channel): the windows of one group
   * share a Redis Cluster slot, so one reservation takes their units in one atomic step.
   */
  group: string;
  limit: number;
  windowMs: number;
}

/** A reservation: one unit taken from every window, to keep (a failure) or refund. */
export interface Reservation {
  id: string;
  windows: BudgetWindow[];
}

/** The outcome of a reservation attempt. */
export type Reserved =
  { ok: true; reservation: Reservation } | { ok: false; retryAfterSeconds: number };

/**
 * Where budgets are counted: in memory (one instance) or in Redis (all instances). Each
 * `reserve` takes one unit from every window, or none when any window is full; the units of a
 * group are taken in one atomic step: two concurrent attempts can never both take the last unit.
 */
export abstract class BudgetStore {
  abstract reserve(windows: BudgetWindow[]): Promise<Reserved>;
  /** Gives a reservation's units back (the attempt did not fail). */
  abstract refund(reservation: Reservation): Promise<void>;
  /** The current revocation epoch of a key (0 when never bumped). */
  abstract epoch(key: string): Promise<number>;
  /** Bumps the epochs of keys; each epoch lives `ttlMs` after its last bump. */
  abstract bumpEpochs(keys: string[], ttlMs: number): Promise<void>;
}
