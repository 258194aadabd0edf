import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AuthModuleOptions } from './auth-module-options';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';
import { parseRevocation } from './revocation';
import { RevocationSet } from './revocation-set';

/** The few commands of a Redis client (ioredis `Redis` or `Cluster`) the feed uses. */
export interface RevocationRedis {
  on(event: 'ready', listener: () => void): unknown;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  subscribe(channel: string): Promise<unknown>;
  zrangebyscore(key: string, min: number | string, max: number | string): Promise<string[]>;
  disconnect(): void;
}

/** Where revocations live in Redis: a sorted set scored by `until`, and a channel. */
export const revocationKeys = (prefix: string) => ({
  entries: `{${prefix}:revocations}:entries`,
  channel: `${prefix}:revocations`,
});

const RELOAD_RETRY_MS = 1000;

/**
 * Keeps this process's `RevocationSet` in step with every other instance's, so a session ended
 * anywhere is refused here with no Redis round trip per request: revocations arrive on a channel
 * and are applied as heard, and on every (re)connection the live entries are read back from the
 * sorted set, so what was published while this process was cut off is not lost. Off unless
 * `revocationFeed` is configured. Writing is the auth service's part (the service publishes).
 */
@Injectable()
export class RevocationFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RevocationFeed');
  private subscriber?: RevocationRedis;
  private reader?: RevocationRedis;
  private retry?: NodeJS.Timeout;
  private loads = 0;

  constructor(
    private readonly revocations: RevocationSet,
    @Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  /** How many times the live entries were loaded (once per connection that became ready). */
  get loaded(): number {
    return this.loads;
  }

  onModuleInit(): void {
    const feed = this.options.revocationFeed;
    if (!feed) return;
    const { entries, channel } = revocationKeys(feed.prefix ?? 'auth-service');
    this.reader = feed.connect();
    this.reader.on('error', () => undefined);
    const subscriber = (this.subscriber = feed.connect());
    subscriber.on('error', () => undefined);
    subscriber.on('message', (heard, message) => {
      const revocation = heard === channel ? parseRevocation(message) : undefined;
      if (revocation) this.revocations.apply(revocation);
    });
    subscriber.on('ready', () => {
      clearTimeout(this.retry);
      void subscriber.subscribe(channel).then(
        () => this.load(entries),
        () => this.later(entries),
      );
    });
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
    this.subscriber?.disconnect();
    this.reader?.disconnect();
    this.subscriber = this.reader = undefined;
  }

  private async load(entries: string): Promise<void> {
    try {
      const live = await this.reader!.zrangebyscore(entries, Math.floor(Date.now() / 1000), '+inf');
      for (const text of live) {
        const revocation = parseRevocation(text);
        if (revocation) this.revocations.apply(revocation);
      }
      this.loads++;
    } catch {
      this.later(entries);
    }
  }

  private later(entries: string): void {
    if (!this.subscriber) return;
    this.logger.warn('Could not load the live revocations from Redis; retrying');
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.load(entries), RELOAD_RETRY_MS).unref();
  }
}
