/**
 * How one request to Descope ended, as a metric label. `answered` is a 2xx or a refusal alike:
 * on the routes that hide accounts, "Descope refused" versus "Descope accepted" is exactly what
 * the caller is not told (an OTP sign-up of a taken login id), so no label tells it either.
 */
export type UpstreamOutcome =
  'answered' | 'rate_limited' | 'server_error' | 'timeout' | 'network_error';

/** One request the SDK made: the endpoint's path (ids masked), how it ended, how long it took. */
export interface UpstreamCall {
  endpoint: string;
  outcome: UpstreamOutcome;
  milliseconds: number;
}

/**
 * A `fetch` that reports every request the SDK makes, so operators see Descope's latency per
 * endpoint. Only the path is reported: query strings carry login ids, and a path segment that
 * looks like an id (the project id in `/v2/keys/<id>`) becomes `:id` to keep labels few.
 */
export function observedFetch(
  report: (call: UpstreamCall) => void,
  base: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    const endpoint = endpointOf(input);
    const done = (outcome: UpstreamOutcome) =>
      report({ endpoint, outcome, milliseconds: performance.now() - started });
    try {
      const response = await base(input, init);
      done(outcomeOf(response.status));
      return response;
    } catch (thrown) {
      const name = (thrown as Error | undefined)?.name ?? '';
      done(['TimeoutError', 'AbortError'].includes(name) ? 'timeout' : 'network_error');
      throw thrown;
    }
  };
}

/** Endpoints by URL without its query: the SDK calls a few dozen paths, each parsed once. */
const endpoints = new Map<string, string>();

function endpointOf(input: string | URL | Request): string {
  const url = (input instanceof Request ? input.url : String(input)).split('?', 1)[0];
  let endpoint = endpoints.get(url);
  if (endpoint === undefined) {
    if (endpoints.size >= 256) endpoints.clear();
    endpoints.set(url, (endpoint = maskedPath(url)));
  }
  return endpoint;
}

function maskedPath(url: string): string {
  try {
    return new URL(url).pathname
      .split('/')
      .map((segment) =>
        segment.length > 24 || /^P[A-Za-z0-9]{20,}$/.test(segment) ? ':id' : segment,
      )
      .join('/');
  } catch {
    return 'unknown';
  }
}

function outcomeOf(status: number): UpstreamOutcome {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'answered';
}
