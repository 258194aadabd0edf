import { Strategy } from 'passport-custom';
import { toRefreshPrincipal } from './authenticated-session';
import { readRefreshToken, RequestWithTokens } from './token-extractors';
import { TokenVerifier } from './token-verifier';

export const REFRESH_STRATEGY = 'descope-refresh';

/** Passport strategy for a refresh token (`DSR` cookie, then bearer); fails with `AuthTokenError`. */
export class RefreshStrategy extends Strategy {
  constructor(verifier: TokenVerifier) {
    super((request, done) => {
      verifier.verify(readRefreshToken(request as unknown as RequestWithTokens), 'refresh').then(
        (token) => done(null, toRefreshPrincipal(token)),
        (error: Error) => done(error),
      );
    });
  }
}
