import type { KeyFetchOutcome } from '@app/auth';
import type { UpstreamCall } from '@app/descope';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this app: process defaults plus one counter and one histogram of HTTP
 * answers by method, route pattern (never the raw URL: no ids or tokens in labels) and status.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** Authentication outcomes of the audited routes (see AuditLog). */
  readonly authOutcomes = new Counter({
    name: 'auth_outcomes_total',
    help: 'Authentication outcomes, by action (password.signin, otp.verify, ...) and result',
    labelNames: ['action', 'result'] as const,
    registers: [this.registry],
  });
  /** Refusals by a guessing or send budget (the address is never a label). */
  readonly budgetRefusals = new Counter({
    name: 'auth_budget_refusals_total',
    help: 'Attempts refused (guess) or sends withheld (send) by a budget',
    labelNames: ['budget', 'channel'] as const,
    registers: [this.registry],
  });
  /** Failures of the shared limiter store (Redis unreachable). */
  readonly limiterFailures = new Counter({
    name: 'auth_limiter_failures_total',
    help: 'Limiter store failures, answered open or closed per RATE_LIMIT_FAIL_CLOSED',
    labelNames: ['limiter'] as const,
    registers: [this.registry],
  });

  /** Sessions ended (see SessionRevocations), by reason. */
  readonly revocations = new Counter({
    name: 'auth_revocations_total',
    help: 'Revocations made here (logout, logout_all, password_change, ...), by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  /** Revocations made here that wait for Redis to reach the other instances. */
  readonly revocationsPending = new Gauge({
    name: 'auth_revocations_pending',
    help: 'Revocations applied here that wait for Redis to reach the other instances',
    registers: [this.registry],
  });

  /** Every HTTP request the Descope SDK made, by endpoint path and outcome. */
  readonly upstreamCalls = new Histogram({
    name: 'descope_request_duration_seconds',
    help: 'Requests to Descope, by endpoint path (ids masked) and outcome',
    labelNames: ['endpoint', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  /** Fetches of Descope's signing keys: updated, unchanged (304) or failed (old keys kept). */
  readonly keyFetches = new Counter({
    name: 'auth_jwks_fetches_total',
    help: 'Signing-key set fetches, by outcome (updated, unchanged, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Lookups of the verified-token memo: a hit skips the signature check. */
  readonly memoLookups = new Counter({
    name: 'auth_token_memo_total',
    help: 'Verified-token memo lookups, by result (hit, miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records one answered request; `route` is the matched pattern, or `unmatched`. */
  observe(method: string, route: string | undefined, status: number, milliseconds: number): void {
    const labels = { method, route: route ?? 'unmatched' };
    this.requests.inc({ ...labels, status: String(status) });
    this.durations.observe(labels, milliseconds / 1000);
  }

  /** For the Descope module's `onUpstreamCall`. */
  readonly upstreamCall = ({ endpoint, outcome, milliseconds }: UpstreamCall): void =>
    this.upstreamCalls.observe({ endpoint, outcome }, milliseconds / 1000);

  /** For the auth module's `onMemo`. */
  readonly memoLookup = (result: 'hit' | 'miss'): void => this.memoLookups.inc({ result });

  /** For the auth module's `onKeyFetch`. */
  readonly keyFetch = (outcome: KeyFetchOutcome): void => this.keyFetches.inc({ outcome });

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
