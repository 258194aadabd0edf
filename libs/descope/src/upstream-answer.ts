import type { IncomingHttpHeaders } from 'node:http';

/**
 * The part of a `Response` that the Descope SDK and the fetch wrappers around it read: `status`,
 * `ok`, `headers.get()` (the SDK reads `set-cookie`), `text()` and `json()` (the SDK then puts its
 * own `text`, `json` and `clone` on the object), and `body` (null: the text is already read).
 * `url` and `statusText` are empty; the SDK reads them only to log, and it is given no logger.
 *
 * Why not a real `Response`: building a WHATWG `Response` and `Headers` for every answer cost
 * about a fifth of the sign-in rate (`npm run bench`, row g: 3,250 against 3,900 req/s, three
 * runs each, and about 25 MB more memory under load). Every e2e test runs the real SDK through it.
 */
export class UpstreamAnswer {
  readonly ok: boolean;
  readonly statusText = '';
  readonly url = '';
  readonly body = null;
  readonly headers: Pick<Headers, 'get' | 'has'>;

  constructor(
    readonly status: number,
    raw: IncomingHttpHeaders,
    private readonly content: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      // As `Headers.get`: names in any case; several values joined with ", ".
      get: (name) => {
        const value = raw[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
      has: (name) => raw[name.toLowerCase()] !== undefined,
    };
  }

  text(): Promise<string> {
    return Promise.resolve(this.content);
  }

  json(): Promise<unknown> {
    return Promise.resolve().then(() => JSON.parse(this.content) as unknown);
  }

  clone(): UpstreamAnswer {
    return this;
  }
}
