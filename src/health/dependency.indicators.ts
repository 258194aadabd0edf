import { JwksKeyStore, RevocationFeed } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RedisConnection } from '../redis/redis-connection';
import { RevocationPublisher } from '../revocation/revocation-publisher';

const PROBE_TIMEOUT_MS = 1000;
/** Redis probes are reused this long: probes come often, from every orchestrator and balancer. */
const PROBE_REUSE_MS = 10_000;

/**
 * Reachability of the shared dependencies, reported but never failing readiness: an outage of
 * Descope or Redis must not pull every replica out while cached keys still validate sessions.
 * An unreachable dependency is `degraded` (HTTP 200, overall status `degraded`).
 */
@Injectable()
export class DependencyIndicators {
  private recentRedis?: { at: number; result: Promise<HealthIndicatorResult> };

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly keys: JwksKeyStore,
    private readonly redis: RedisConnection,
    private readonly revocationQueue: RevocationPublisher,
    private readonly feed: RevocationFeed,
  ) {}

  /**
   * Revocations made here that wait for Redis: until they reach it, this instance refuses those
   * sessions and the others do not yet (`degraded`); also `degraded` while this instance has not
   * read the other instances' live revocations since it (re)connected.
   */
  revocations(): HealthIndicatorResult {
    const check = this.indicators.check('revocations');
    const pending = this.revocationQueue.pending;
    if (pending) {
      return check.degraded({ message: 'waiting for Redis to reach the other instances', pending });
    }
    if (this.feed.configured && !this.feed.current) {
      return check.degraded({
        message: "not yet caught up with the other instances' revocations",
        pending,
      });
    }
    return check.up({ pending });
  }

  /**
   * Descope as the key store last saw it (its refreshes and unknown-`kid` fetches): a probe
   * never calls Descope itself, since Descope limits requests per client IP.
   */
  descopeApi(): HealthIndicatorResult {
    const check = this.indicators.check('descope');
    const last = this.keys.lastFetch;
    if (!last) return check.degraded({ message: 'no key fetch has finished yet' });
    const lastKeyFetchSecondsAgo = Math.round((Date.now() - last.at) / 1000);
    if (last.ok) return check.up({ lastKeyFetchSecondsAgo });
    return check.degraded({ message: 'the last key fetch failed', lastKeyFetchSecondsAgo });
  }

  /** Redis answers PING (a cluster: the node it asks); without Redis every count is per instance. */
  redisStore(): Promise<HealthIndicatorResult> {
    const client = this.redis.client;
    if (!client) {
      return Promise.resolve(this.indicators.check('redis').up({ configured: false }));
    }
    if (this.recentRedis && Date.now() - this.recentRedis.at < PROBE_REUSE_MS) {
      return this.recentRedis.result;
    }
    const result = this.ping(() => client.ping());
    this.recentRedis = { at: Date.now(), result };
    return result;
  }

  private async ping(run: () => Promise<unknown>) {
    const check = this.indicators.check('redis');
    const started = performance.now();
    const responseTimeMs = () => Math.round(performance.now() - started);
    try {
      await Promise.race([
        run(),
        new Promise((_, fail) => setTimeout(fail, PROBE_TIMEOUT_MS).unref()),
      ]);
      return check.up({ responseTimeMs: responseTimeMs() });
    } catch {
      return check.degraded({ message: 'unreachable', responseTimeMs: responseTimeMs() });
    }
  }
}
