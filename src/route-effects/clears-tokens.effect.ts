import { RequestTokens } from '@app/auth';
import { TokenCookies } from '../tokens/token-cookies';
import { routeEffect } from './route-effect';

/**
 * Expires the DS and DSR cookies as soon as the request arrives (before its body is read), so the
 * answer carries the clearing whatever it is: a refused or expired refresh token, a refused body,
 * a rate limit. The browser should not keep a session cookie after asking to log out. Except on a
 * cross-site request (decided from the headers alone): another site must not be able to log the
 * user out.
 */
const tokenClearing = routeEffect<void, 'onRequest'>('onRequest', (resolve) => {
  const cookies = resolve(TokenCookies);
  const tokens = resolve(RequestTokens);
  return () => (request, reply, done) => {
    if (!tokens.crossSite(request)) cookies.clear(reply);
    done();
  };
});

/** The route ends the session: its answer clears the token cookies. */
export const ClearsTokens = () => tokenClearing.on(undefined);
