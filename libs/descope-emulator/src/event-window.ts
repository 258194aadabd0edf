/**
 * Counts events per key (a login id's failed sign-ins, an IP's requests) in a sliding window.
 * Once `max` events fall inside the window, `retryAfter` says how many seconds until the oldest
 * one leaves it. A `max` of 0 turns the window off.
 */
export class EventWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    /** Changeable at run time (settings.ts). */
    public max: number,
    private readonly windowSeconds: number,
  ) {}

  /** Seconds to wait before the key may go again, or 0 when it may go now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (this.max === 0 || recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0] + this.windowSeconds * 1000 - Date.now()) / 1000));
  }

  hit(key: string): void {
    if (this.max > 0) this.events.set(key, [...this.recent(key), Date.now()]);
  }

  reset(key: string): void {
    this.events.delete(key);
  }

  private recent(key: string): number[] {
    const since = Date.now() - this.windowSeconds * 1000;
    const recent = (this.events.get(key) ?? []).filter((at) => at > since);
    if (recent.length) this.events.set(key, recent);
    else this.events.delete(key);
    return recent;
  }
}
