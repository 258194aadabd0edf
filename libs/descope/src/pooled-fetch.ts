import { Dispatcher, request } from 'undici';

/** Statuses whose answers cannot carry a body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The SDK's `fetch` on undici's connection pool: `undici.request` over the caller's `Agent`,
 * answered as a standard `Response`. Node's global `fetch` is undici too, but its WHATWG layers
 * (request and response objects, web streams) cost about 110 µs of CPU per call against a local
 * upstream, where `request` and a `Response` built from the read body cost about 25 µs: sign-in
 * through this service spends most of its time in that call (`npm run bench`, row g).
 *
 * What `fetch` would do and this does too: method, headers, string body, the caller's abort
 * `signal` (a timeout rejects with the signal's reason, a `TimeoutError`), and a network failure
 * as `TypeError('fetch failed')` with the socket error as `cause`, so the callers classify
 * failures the same way. What it does not: follow redirects (Descope's API answers none), add
 * `accept-encoding` or decompress, or read a `Request` object (the SDK passes a URL string).
 */
export function pooledFetch(agent: Dispatcher) {
  return async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (input instanceof Request) throw new TypeError('pooledFetch takes a URL, not a Request');
    let answer: Dispatcher.ResponseData;
    let text: string;
    try {
      answer = await request(input, {
        dispatcher: agent,
        method: init.method ?? 'GET',
        headers: headersOf(init.headers),
        body: init.body as string | undefined,
        signal: init.signal ?? undefined,
      });
      text = await answer.body.text();
    } catch (thrown) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new TypeError('fetch failed', { cause: thrown });
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
    }
    const body = NO_BODY.has(answer.statusCode) ? null : text;
    return new Response(body, { status: answer.statusCode, headers });
  };
}

/** The request's headers as a plain object, from any of the shapes `fetch` accepts. */
function headersOf(headers: RequestInit['headers']): Record<string, string> {
  // The SDK passes a `Headers`: it is read as it is; other shapes are normalised through one.
  return Object.fromEntries(headers instanceof Headers ? headers : new Headers(headers));
}
