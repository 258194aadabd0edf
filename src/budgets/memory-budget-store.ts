import { OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BudgetStore, BudgetWindow, Reservation, Reserved } from './budget-store';

type Entry = { id: string; at: number };

/**
 * Budgets of one instance, in memory. Each reservation is one synchronous step, so it is atomic.
 * Expired entries are swept every minute; nothing is evicted by count, since evicting a key
 * would reset that account's budget for whoever flooded the store.
 */
export class MemoryBudgetStore extends BudgetStore implements OnModuleDestroy {
  private readonly entries = new Map<string, { entries: Entry[]; windowMs: number }>();
  private readonly epochs = new Map<string, { value: number; expiresAt: number }>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  reserve(windows: BudgetWindow[]): Promise<Reserved> {
    const now = Date.now();
    const slots = windows.map((window) => this.live(window, now));
    let waitMs = 0;
    windows.forEach(({ limit, windowMs }, i) => {
      if (slots[i].length >= limit) waitMs = Math.max(waitMs, slots[i][0].at + windowMs - now);
    });
    if (waitMs > 0)
      return Promise.resolve({ ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) });
    const id = randomUUID();
    for (const entries of slots) entries.push({ id, at: now });
    return Promise.resolve({ ok: true, reservation: { id, windows } });
  }

  refund({ id, windows }: Reservation): Promise<void> {
    for (const { key } of windows) {
      const slot = this.entries.get(key);
      if (slot) slot.entries = slot.entries.filter((entry) => entry.id !== id);
    }
    return Promise.resolve();
  }

  epoch(key: string): Promise<number> {
    const epoch = this.epochs.get(key);
    return Promise.resolve(epoch && epoch.expiresAt > Date.now() ? epoch.value : 0);
  }

  async bumpEpochs(keys: string[], ttlMs: number): Promise<void> {
    for (const key of keys) {
      this.epochs.set(key, { value: (await this.epoch(key)) + 1, expiresAt: Date.now() + ttlMs });
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** The window's entries still inside it (the array kept in the store, to push to). */
  private live({ key, windowMs }: BudgetWindow, now: number): Entry[] {
    let slot = this.entries.get(key);
    if (!slot) this.entries.set(key, (slot = { entries: [], windowMs }));
    const cutoff = now - windowMs;
    // Copy only when something expired: most reservations find nothing to drop.
    if (slot.entries.some((entry) => entry.at <= cutoff))
      slot.entries = slot.entries.filter((entry) => entry.at > cutoff);
    return slot.entries;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, slot] of this.entries) {
      slot.entries = slot.entries.filter((entry) => entry.at > now - slot.windowMs);
      if (!slot.entries.length) this.entries.delete(key);
    }
    for (const [key, epoch] of this.epochs) if (epoch.expiresAt <= now) this.epochs.delete(key);
  }
}
