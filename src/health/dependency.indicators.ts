import { DescopeClient } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RedisConnection } from '../redis/redis-connection';

const PROBE_TIMEOUT_MS = 1000;
/** Probes are reused this long: Descope limits requests per client IP, and probes come often. */
const PROBE_REUSE_MS = 10_000;

/**
 * Reachability of the shared dependencies, reported but never failing readiness: an outage of
 * Descope or Redis must not pull every replica out while cached keys still validate sessions.
 * An unreachable dependency is `degraded` (HTTP 200, overall status `degraded`).
 */
@Injectable()
export class DependencyIndicators {
  private readonly recent = new Map<
    string,
    { at: number; result: Promise<HealthIndicatorResult> }
  >();

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly descope: DescopeClient,
    private readonly redis: RedisConnection,
  ) {}

  /** Descope answers at all (any HTTP status) on its key-set endpoint. */
  descopeApi(): Promise<HealthIndicatorResult> {
    const url = `${this.descope.baseUrl}/v2/keys/${encodeURIComponent(this.descope.projectId)}`;
    return this.probe('descope', async (signal) => {
      const response = await fetch(url, { signal });
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`Descope answered HTTP ${response.status}`);
    });
  }

  /** Redis answers PING; without RATE_LIMIT_REDIS_URL every count is per instance. */
  redisStore(): Promise<HealthIndicatorResult> {
    const client = this.redis.client;
    if (!client) {
      return Promise.resolve(this.indicators.check('redis').up({ configured: false }));
    }
    return this.probe('redis', () => client.ping());
  }

  private probe(key: string, run: (signal: AbortSignal) => Promise<unknown>) {
    const last = this.recent.get(key);
    if (last && Date.now() - last.at < PROBE_REUSE_MS) return last.result;
    const result = this.measure(key, run);
    this.recent.set(key, { at: Date.now(), result });
    return result;
  }

  private async measure(key: string, run: (signal: AbortSignal) => Promise<unknown>) {
    const check = this.indicators.check(key);
    const started = performance.now();
    const responseTimeMs = () => Math.round(performance.now() - started);
    try {
      await run(AbortSignal.timeout(PROBE_TIMEOUT_MS));
      return check.up({ responseTimeMs: responseTimeMs() });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable';
      return check.degraded({ message: reason, responseTimeMs: responseTimeMs() });
    }
  }
}
