import { ForbiddenException } from '@nestjs/common';
import { RequestWithTokens } from './token-reader';

/** Methods that change state: a cookie-authenticated one must come from a trusted origin. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A cookie-authenticated state-changing request from an origin that may not send one (CSRF). */
export class CrossSiteRequestError extends ForbiddenException {
  constructor(reason: string) {
    super(
      `A request authenticated by a session cookie must come from an allowed origin: ${reason}`,
    );
  }
}

const header = (request: RequestWithTokens, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value : value === undefined ? undefined : [value];
};

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * Why a cookie-authenticated request is cross-site, or `undefined` when it may go on. Browsers
 * send `Origin` on every state-changing request, or at least `Sec-Fetch-Site`, or a `Referer`; a
 * request with none of the three is a non-browser client with its own cookie jar.
 */
export function crossSiteReason(
  request: RequestWithTokens,
  trusted: ReadonlySet<string>,
): string | undefined {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return undefined;
  const origin = header(request, 'origin');
  if (origin) {
    return origin.length === 1 && trusted.has(origin[0]) ? undefined : 'Origin is not allowed';
  }
  const site = header(request, 'sec-fetch-site');
  if (site) {
    return site.length === 1 && ['same-origin', 'none'].includes(site[0])
      ? undefined
      : 'Sec-Fetch-Site is not same-origin';
  }
  const referer = header(request, 'referer');
  if (referer) {
    const from = referer.length === 1 ? originOf(referer[0]) : undefined;
    return from && trusted.has(from) ? undefined : 'Referer is not from an allowed origin';
  }
  return undefined;
}
