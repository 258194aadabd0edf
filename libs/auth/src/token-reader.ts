import { TokenKind } from './verified-token';

/** The parts of a Fastify (or Express) request the token reader uses. */
export interface RequestWithTokens {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

export const SESSION_COOKIE = 'DS';
export const REFRESH_COOKIE = 'DSR';

function bearer(request: RequestWithTokens): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

function cookie(request: RequestWithTokens, name: string): string | undefined {
  if (request.cookies) return request.cookies[name] || undefined;
  const header = request.headers.cookie;
  const raw = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const pair of raw.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

/** A token as the request carried it, and whether it came from a cookie. */
export interface CarriedToken {
  jwt?: string;
  fromCookie: boolean;
}

/**
 * The token of a kind a request carries, unverified. A session token comes from
 * `Authorization: Bearer`, then the `DS` cookie; a refresh token from the `DSR` cookie, then the
 * bearer, so a browser that sends its session token as a bearer can still refresh.
 */
export function readToken(request: RequestWithTokens, kind: TokenKind): CarriedToken {
  const fromBearer = () => ({ jwt: bearer(request), fromCookie: false });
  const name = kind === 'session' ? SESSION_COOKIE : REFRESH_COOKIE;
  const fromCookie = cookie(request, name);
  if (kind === 'session') {
    const first = fromBearer();
    return first.jwt ? first : { jwt: fromCookie, fromCookie: fromCookie !== undefined };
  }
  return fromCookie ? { jwt: fromCookie, fromCookie: true } : fromBearer();
}
