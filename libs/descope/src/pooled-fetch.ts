import { Agent, Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import { UpstreamAnswer } from './upstream-answer';

/** What the global `fetch` sends unless told otherwise (no `accept-encoding`: nothing here decompresses). */
const DEFAULT_HEADERS = { accept: '*/*', 'user-agent': 'node' };

/**
 * The connection pool for Descope. Like the global `fetch`, it goes through HTTP(S)_PROXY (and
 * honours NO_PROXY) only when Node is told to (`NODE_USE_ENV_PROXY=1` or `--use-env-proxy`).
 */
export function upstreamAgent(
  env: Record<string, string | undefined> = process.env,
  execArgv: string[] = process.execArgv,
): Dispatcher {
  const proxied = env.NODE_USE_ENV_PROXY === '1' || execArgv.includes('--use-env-proxy');
  if (!proxied) return new Agent();
  return new EnvHttpProxyAgent({
    httpProxy: env.http_proxy ?? env.HTTP_PROXY,
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY,
    noProxy: env.no_proxy ?? env.NO_PROXY,
  });
}

/**
 * The SDK's `fetch` on undici's connection pool: `undici.request` over `agent`, answered with the
 * part of a `Response` the SDK reads (`UpstreamAnswer`). Node's global `fetch` is undici too, but
 * its WHATWG layers (request and response objects, web streams) cost about 100 µs of CPU per call
 * against a local upstream, where `request` costs 17-25 µs (`npm run bench:micro`): sign-in spent
 * most of its time in that call (`npm run bench`, row g).
 *
 * What `fetch` would do and this does too: method, headers (with fetch's `accept` and
 * `user-agent` defaults), string body, the caller's abort `signal` (a timeout rejects with the
 * signal's reason, a `TimeoutError`), and a network failure as `TypeError('fetch failed')` with the
 * socket error as `cause`, so callers classify failures the same way; an answer no `Response` could
 * hold (a status outside 200-599) fails the same way. What it does not: follow redirects
 * (Descope's API sends none), decompress, send a body other than a string, or read a `Request`
 * (the SDK passes a URL string and JSON text).
 */
export function pooledFetch(agent: Dispatcher) {
  return async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (input instanceof Request) throw new TypeError('pooledFetch takes a URL, not a Request');
    if (init.body != null && typeof init.body !== 'string')
      throw new TypeError('pooledFetch sends string bodies only');
    try {
      const answer = await request(input, {
        dispatcher: agent,
        method: init.method ?? 'GET',
        headers: { ...DEFAULT_HEADERS, ...headersOf(init.headers) },
        body: init.body ?? undefined,
        signal: init.signal ?? undefined,
      });
      const text = await answer.body.text();
      const status = answer.statusCode;
      if (status < 200 || status > 599) throw new RangeError(`HTTP status ${status}`);
      // The callers read only what UpstreamAnswer has (see there): the cast narrows the contract.
      return new UpstreamAnswer(status, answer.headers, text) as unknown as Response;
    } catch (thrown) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new TypeError('fetch failed', { cause: thrown });
    }
  };
}

/** The request's headers as a plain object, from any of the shapes `fetch` accepts. */
function headersOf(headers: RequestInit['headers']): Record<string, string> {
  // The SDK passes a `Headers`: it is read as it is; other shapes are normalised through one.
  return Object.fromEntries(headers instanceof Headers ? headers : new Headers(headers));
}
