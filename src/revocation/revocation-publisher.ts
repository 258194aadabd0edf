import { encodeRevocation, nowSeconds, Revocation, revocationKeys } from '@app/auth';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { RedisConnection } from '../redis/redis-connection';

const RETRY_FROM_MS = 250;
const RETRY_TO_MS = 5000;

/**
 * Hands every revocation made here to the other instances: added to a sorted set in Redis scored
 * by `until` (so a restarted or reconnected instance reads back every live one, and expired ones
 * are trimmed on each write) and published on a channel (applied at once where heard; the number
 * of subscribers that heard it is the number of instances reached). While Redis is unreachable,
 * revocations wait here in order and are retried with backoff and on reconnection; the queue is
 * counted in `auth_revocations_pending` and makes `/health/ready` report `degraded`.
 */
@Injectable()
export class RevocationPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger('Revocations');
  private readonly keys: ReturnType<typeof revocationKeys>;
  private readonly queue: Revocation[] = [];
  private retryMs = RETRY_FROM_MS;
  private timer?: NodeJS.Timeout;
  private flushing = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly metrics: MetricsService,
  ) {
    this.keys = revocationKeys(redis.prefix);
    redis.client?.on('ready', () => void this.flush());
  }

  /** How many revocations wait for Redis. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Writes and publishes a revocation: the number of instances that heard it, or undefined when
   * it waits for Redis (or there is no Redis: every instance then knows only its own).
   */
  async publish(revocation: Revocation): Promise<number | undefined> {
    if (!this.redis.client) return undefined;
    if (this.queue.length) return this.enqueue(revocation);
    try {
      return await this.write(revocation);
    } catch {
      return this.enqueue(revocation);
    }
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    if (this.queue.length) {
      this.logger.warn(`${this.queue.length} revocations never reached Redis before shutdown`);
    }
  }

  private async write(revocation: Revocation): Promise<number> {
    const client = this.redis.client!;
    const { entries, channel } = this.keys;
    const member = encodeRevocation(revocation);
    const now = nowSeconds();
    const results = await client
      .multi()
      .zadd(entries, revocation.until, member)
      .zremrangebyscore(entries, '-inf', now)
      .expireat(entries, revocation.until, 'NX')
      .expireat(entries, revocation.until, 'GT')
      .exec();
    if (!results || results.some(([error]) => error)) throw new Error('Redis refused the write');
    return client.publish(channel, member);
  }

  private enqueue(revocation: Revocation): undefined {
    this.queue.push(revocation);
    this.metrics.revocationsPending.set(this.queue.length);
    this.redis.warnUnreachable('revocations wait to reach the other instances');
    this.schedule();
    return undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_TO_MS);
  }

  /** Writes the waiting revocations in order; stops at the first failure and tries again later. */
  private async flush(): Promise<void> {
    if (this.flushing || !this.queue.length) return;
    this.flushing = true;
    try {
      while (this.queue.length) {
        // One that is over by now refuses nothing any more: dropped, not written.
        if (this.queue[0].until > nowSeconds()) await this.write(this.queue[0]);
        this.queue.shift();
        this.metrics.revocationsPending.set(this.queue.length);
      }
      this.retryMs = RETRY_FROM_MS;
      this.logger.log('Every waiting revocation reached Redis');
    } catch {
      this.schedule();
    } finally {
      this.flushing = false;
    }
  }
}
