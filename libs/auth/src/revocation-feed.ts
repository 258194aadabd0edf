import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { AuthModuleOptions } from './auth-module-options';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';
import { nowSeconds, parseRevocation } from './revocation';
import { RevocationRedis } from './revocation-redis';
import { RevocationSet } from './revocation-set';

/** Where revocations live in Redis: a sorted set scored by `until`, and a channel. */
export const revocationKeys = (prefix: string) => ({
  entries: `{${prefix}:revocations}:entries`,
  channel: `${prefix}:revocations`,
});

const RETRY_MS = { from: 100, to: 2000 };
const PAGE = 1000;
/** How long start-up waits for the first load: a new instance should not accept ended sessions. */
const FIRST_LOAD_MS = 3000;

/**
 * Keeps this process's `RevocationSet` in step with every other instance's, so a session ended
 * anywhere is refused here with no Redis round trip per request: revocations arrive on a channel
 * and are applied as heard, and on every (re)connection the live entries are read back from the
 * sorted set (in pages), so what was published while this process was cut off is not lost. Start-up
 * waits (up to 3 s, unless Redis is unreachable) for the first load; a failed subscribe or load is retried, both together.
 * Off unless `revocationFeed` is configured. Writing is the auth service's part.
 */
@Injectable()
export class RevocationFeed implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RevocationFeed');
  private subscriber?: RevocationRedis;
  private reader?: RevocationRedis;
  private retry?: NodeJS.Timeout;
  private retryMs: number = RETRY_MS.from;
  private firstLoad?: Promise<void>;
  private loaded?: () => void;
  /** Whether the live entries were read since the last (re)connection. */
  current = false;

  /** Whether a feed is configured at all (`revocationFeed`). */
  get configured(): boolean {
    return this.options.revocationFeed !== undefined;
  }

  constructor(
    private readonly revocations: RevocationSet,
    @Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  onModuleInit(): void {
    const feed = this.options.revocationFeed;
    if (!feed) return;
    const keys = revocationKeys(feed.prefix ?? 'auth-service');
    this.firstLoad = new Promise((resolve) => (this.loaded = resolve));
    this.reader = feed.connect();
    this.reader.on('error', () => undefined);
    const subscriber = (this.subscriber = feed.connect());
    // Unreachable at start: no use holding the start for it (retried once it connects).
    subscriber.on('error', () => this.loaded?.());
    subscriber.on('message', (heard, message) => {
      const revocation = heard === keys.channel ? parseRevocation(message) : undefined;
      if (revocation) this.revocations.apply(revocation);
    });
    subscriber.on('ready', () => {
      this.current = false;
      clearTimeout(this.retry);
      this.retryMs = RETRY_MS.from;
      void this.catchUp(keys);
    });
  }

  /**
   * Start-up waits for the first load, bounded, and not at all once Redis turned out unreachable:
   * an outage of Redis must not stop or slow the start.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.firstLoad) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_LOAD_MS)));
    await Promise.race([this.firstLoad, late]);
    clearTimeout(timer);
    if (!this.current) this.logger.warn('Started before the live revocations could be read');
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
    this.subscriber?.disconnect();
    this.reader?.disconnect();
    this.subscriber = this.reader = undefined;
  }

  /** Subscribes (again), then reads every live entry; on failure, both again later. */
  private async catchUp(keys: ReturnType<typeof revocationKeys>): Promise<void> {
    try {
      await this.subscriber!.subscribe(keys.channel);
      const from = nowSeconds();
      for (let offset = 0; ; offset += PAGE) {
        const page = await this.reader!.zrangebyscore(
          keys.entries,
          from,
          '+inf',
          'LIMIT',
          offset,
          PAGE,
        );
        for (const text of page) {
          const revocation = parseRevocation(text);
          if (revocation) this.revocations.apply(revocation);
        }
        if (page.length < PAGE) break;
      }
      this.current = true;
      this.loaded?.();
    } catch {
      if (!this.subscriber) return;
      clearTimeout(this.retry);
      this.retry = setTimeout(() => void this.catchUp(keys), this.retryMs).unref();
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MS.to);
    }
  }
}
