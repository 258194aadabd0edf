/** Statuses on which the SDK sleeps and re-sends the same request (docs/descope-wire.md §2). */
const SDK_RETRY_STATUSES = new Set([503, 520, 521, 522, 524, 530]);

/**
 * The `fetch` handed to the SDK. Each request carries its own abort timer, so a request the
 * caller has stopped waiting for does not hold a socket. A status the SDK would retry on is
 * answered as a 502 with a JSON body instead: the SDK's 100 ms / 5 s / 5 s retry loop never
 * starts, so a POST is sent once.
 *
 * `base` must answer with the body already read, as `pooledFetch` does: the timer stops once it
 * answers. (`AbortSignal.timeout` would not need that, but its timer cannot be cleared: every
 * call left one that fired seconds later and built a `DOMException`, about 2 % of the samples of
 * a sign-in profile.)
 */
export function boundedFetch(timeoutMs: number, base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutReason()), timeoutMs);
    let response: Response;
    try {
      response = await base(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
    if (!SDK_RETRY_STATUSES.has(response.status)) return response;
    await response.body?.cancel();
    const body = JSON.stringify({
      errorCode: `HTTP${response.status}`,
      errorDescription: 'Descope is temporarily unavailable',
    });
    return new Response(body, { status: 502, headers: { 'content-type': 'application/json' } });
  };
}

/** What `AbortSignal.timeout` aborts with. */
const timeoutReason = () =>
  new DOMException('The operation was aborted due to timeout', 'TimeoutError');
