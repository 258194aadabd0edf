import { Reply } from './route';

/**
 * Rewrites a JWT answer the way Descope's cookie mode sends it: `DS` and `DSR` as Set-Cookie
 * headers, `sessionJwt` and `refreshJwt` left out of the body. Other answers pass unchanged.
 */
export function toCookieMode(reply: Reply): Reply {
  const body = reply.body as Record<string, unknown> | undefined;
  if (typeof body?.sessionJwt !== 'string') return reply;
  const { sessionJwt, refreshJwt, ...rest } = body;
  const cookies = [`DS=${sessionJwt}; Path=/; HttpOnly; Secure; SameSite=Strict`];
  if (typeof refreshJwt === 'string') {
    cookies.push(
      `DSR=${refreshJwt}; Path=/; Max-Age=${String(rest.cookieMaxAge)}; HttpOnly; Secure; SameSite=Strict`,
    );
  }
  return new Reply(reply.status, rest, { ...reply.headers, 'set-cookie': cookies });
}
