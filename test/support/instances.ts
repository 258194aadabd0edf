/** Helpers for tests that talk to several service instances over HTTP (child processes). */

export type Tokens = { sessionJwt: string; refreshJwt: string };

export interface CallOptions {
  body?: unknown;
  bearer?: string;
  cookies?: Record<string, string>;
}

/** One request to an instance; the parsed JSON body (empty for 204). */
export async function call(base: string, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.cookies) {
    headers.cookie = Object.entries(options.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

/**
 * Asks `GET /v1/session` with `sessionJwt` until it is refused or `withinMs` passes: the last
 * status and how long it took (ms). `withinMs` 0 asks once.
 */
export async function refusedWithin(base: string, sessionJwt: string, withinMs: number) {
  const started = performance.now();
  for (;;) {
    const { status } = await call(base, 'GET', '/v1/session', { bearer: sessionJwt });
    const ms = performance.now() - started;
    if (status !== 200 || ms >= withinMs) return { status, ms };
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
