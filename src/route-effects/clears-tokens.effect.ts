import { RequestTokens } from '@app/auth';
import { TokenCookies } from '../tokens/token-cookies';
import { routeEffect } from './route-effect';

/**
 * Expires the DS and DSR cookies before the handler runs, so the answer carries the clearing
 * whatever its outcome: even when the refresh token was already expired or revoked, the browser
 * should not keep a session cookie around. Except on a cross-site request: another site must not
 * be able to log the user out.
 */
const tokenClearing = routeEffect<void, 'preHandler'>('preHandler', (resolve) => {
  const cookies = resolve(TokenCookies);
  const tokens = resolve(RequestTokens);
  return () => (request, reply, done) => {
    if (!tokens.crossSite(request)) cookies.clear(reply);
    done();
  };
});

/** The route ends the session: its answer clears the token cookies. */
export const ClearsTokens = () => tokenClearing.on(undefined);
