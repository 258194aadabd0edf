import type { Server } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One garbage collection that hands freed memory back to the system. */
export type CollectGarbage = () => Promise<void>;

/**
 * V8's "collect all available garbage" (the collection it runs before giving up on memory): full
 * collections that compact, shrink the young generation and release the pages V8 keeps pooled.
 * Reached through the `gc` of a new context (V8's gc extension), so no `global.gc` exists for
 * the app's own code.
 */
export function lastResortGc(): CollectGarbage {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: Record<string, string>) => Promise<void>;
  return () => gc({ type: 'major', execution: 'async', flavor: 'last-resort' });
}

/**
 * Gives the memory of a burst back once the process is quiet. V8 grows its heap under load and
 * keeps it: it shrinks it only when its memory reducer sees a low allocation rate, which it
 * measures at collections, and an idle process makes none, so the resident size stayed at its
 * peak (about 150 MB above idle after `npm run bench`). After `idleMs` without a request, if the
 * resident size is `growthBytes` above where it was after start or after the last trim, one
 * `collect` runs (about 100-250 ms, off the request path: nothing is being served).
 */
export class IdleHeapTrimmer {
  private requests = 0;
  private quietSince: number;
  private floor: number;
  private running = false;

  constructor(
    private readonly collect: CollectGarbage,
    private readonly rss: () => number,
    private readonly options: { idleMs: number; growthBytes: number },
    now = Date.now(),
  ) {
    this.quietSince = now;
    this.floor = rss();
  }

  /** A request arrived. */
  seen(): void {
    this.requests++;
  }

  /** Called every so often; answers whether it trimmed. */
  async tick(now = Date.now()): Promise<boolean> {
    if (this.requests > 0) {
      this.requests = 0;
      this.quietSince = now;
      return false;
    }
    const quiet = now - this.quietSince >= this.options.idleMs;
    if (this.running || !quiet || this.rss() < this.floor + this.options.growthBytes) return false;
    this.running = true;
    try {
      await this.collect();
    } finally {
      this.running = false;
      this.floor = this.rss();
    }
    return true;
  }
}

/**
 * Trims the heap of `server`'s process after `idleMs` without requests; `0` turns it off.
 * Answers a function that stops it.
 */
export function trimHeapWhenIdle(server: Server, idleMs: number): () => void {
  if (idleMs <= 0) return () => undefined;
  const trimmer = new IdleHeapTrimmer(lastResortGc(), () => process.memoryUsage.rss(), {
    idleMs,
    growthBytes: 64 * 1024 * 1024,
  });
  const seen = () => trimmer.seen();
  server.on('request', seen);
  const timer = setInterval(() => void trimmer.tick(), Math.max(100, Math.min(idleMs / 4, 1000)));
  timer.unref();
  return () => (clearInterval(timer), server.off('request', seen));
}
