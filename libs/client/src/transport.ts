import createClient from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import { AuthApiError } from './auth-api.error';
import { AuthTimeoutError } from './auth-timeout.error';
import { TokenStore } from './auth-tokens';
import type { paths } from './schema';
import type { AuthResponse } from './types';

/** The fetch the client calls: the global one, or one the caller brings (a proxy agent, a test). */
export type FetchLike = (request: Request) => Promise<Response>;

/** What a route needs besides its body, so `send` can add the right headers. */
export interface RouteNeeds {
  /** Which token goes as the bearer: the session token, the refresh token, or none. */
  bearer?: 'session' | 'refresh';
  /** The route reads `X-Device-Token` (it spends a guessing or send budget). */
  device?: boolean;
  /** The answer is an AuthResponse whose tokens the client keeps. */
  issues?: boolean;
}

/** What `send` hands the openapi-fetch call: headers, the timeout, a fetch noting the route. */
export type CallInit = {
  headers: Record<string, string>;
  signal: AbortSignal;
  fetch: FetchLike;
};

type Answer<D> = { data?: D; error?: unknown; response: Response };

/**
 * The one place requests go out: bearer and device headers from the tokens, a timeout over the
 * whole exchange, and every non-2xx answer turned into an AuthApiError, so routes stay one line.
 */
export class Transport {
  readonly api: Client<paths>;

  constructor(
    private readonly timeoutMs: number,
    private readonly baseFetch: FetchLike,
    readonly tokens: TokenStore,
    baseUrl: string,
  ) {
    this.api = createClient<paths>({ baseUrl, fetch: baseFetch });
  }

  async send<D>(needs: RouteNeeds, call: (init: CallInit) => Promise<Answer<D>>): Promise<D> {
    let route = 'request';
    const signal = AbortSignal.timeout(this.timeoutMs);
    const fetch: FetchLike = (request) => {
      route = `${request.method} ${new URL(request.url).pathname}`;
      return this.baseFetch(request);
    };
    // A caller's fetch may ignore the signal: the race rejects on time all the same.
    const answer = await Promise.race([
      call({ headers: this.headers(needs), signal, fetch }),
      aborted(signal),
    ]).catch((error: unknown) => {
      if (signal.aborted) throw new AuthTimeoutError(route, this.timeoutMs, { cause: error });
      throw error;
    });
    if (!answer.response.ok) throw AuthApiError.from(answer.response, answer.error);
    if (needs.issues) this.tokens.keep(answer.data as AuthResponse);
    return answer.data as D;
  }

  private headers({ bearer, device }: RouteNeeds): Record<string, string> {
    const { sessionJwt, refreshJwt, deviceToken } = this.tokens.get();
    const token = bearer === 'session' ? sessionJwt : bearer === 'refresh' ? refreshJwt : undefined;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (device && deviceToken) headers['x-device-token'] = deviceToken;
    return headers;
  }
}

/** Rejects when the signal aborts; never resolves. */
const aborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
  );
