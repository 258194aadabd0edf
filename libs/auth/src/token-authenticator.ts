import { Injectable } from '@nestjs/common';
import { Authenticator } from 'passport';
import { AuthTokenError } from './auth-token.error';
import { REFRESH_STRATEGY, RefreshStrategy } from './refresh.strategy';
import { SESSION_STRATEGY, SessionStrategy } from './session.strategy';
import { TokenVerifier } from './token-verifier';

/**
 * The two strategies on a Passport `Authenticator` of this module's own. Passport's default
 * instance is process-wide: a second app in the same process (tests, a gateway hosting two)
 * would replace the strategies of the first.
 */
@Injectable()
export class TokenAuthenticator {
  private readonly passport = new Authenticator();

  constructor(verifier: TokenVerifier) {
    this.passport.use(SESSION_STRATEGY, new SessionStrategy(verifier));
    this.passport.use(REFRESH_STRATEGY, new RefreshStrategy(verifier));
  }

  /** Runs a strategy on the request; resolves with the principal or rejects with its error. */
  authenticate<T>(strategy: 'session' | 'refresh', request: object, response: object): Promise<T> {
    const name = strategy === 'session' ? SESSION_STRATEGY : REFRESH_STRATEGY;
    return new Promise<T>((resolve, reject) => {
      const callback = (error: unknown, user: T | false) => {
        if (error) reject(error instanceof Error ? error : new Error('authentication failed'));
        else if (user) resolve(user);
        else reject(new AuthTokenError('invalid', 'The token is not valid'));
      };
      const middleware = this.passport.authenticate(name, { session: false }, callback) as (
        req: object,
        res: object,
        next: (error?: unknown) => void,
      ) => void;
      middleware(request, response, reject);
    });
  }
}
