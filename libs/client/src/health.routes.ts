import type { Transport } from './transport';
import type { HealthStatus } from './types';

/** The probes and `/metrics` of the public port, for a caller checking the service is there. */
export interface HealthRoutes {
  live(): Promise<HealthStatus>;
  /** 503 `not_ready` (an AuthApiError) until the signing keys are loaded. */
  ready(): Promise<HealthStatus>;
  /** Prometheus text; on the public port only when the service has METRICS_TOKEN (else 404). */
  metrics(metricsToken: string): Promise<string>;
}

export function healthRoutes(t: Transport): HealthRoutes {
  return {
    live: () => t.send({}, (init) => t.api.GET('/health/live', init)) as Promise<HealthStatus>,
    ready: () => t.send({}, (init) => t.api.GET('/health/ready', init)) as Promise<HealthStatus>,
    metrics: (metricsToken) =>
      t.send({}, (init) =>
        t.api.GET('/metrics', {
          ...init,
          params: { header: { authorization: `Bearer ${metricsToken}` } },
          parseAs: 'text',
        }),
      ),
  };
}
