import { Strategy } from 'passport-custom';
import { toSession } from './authenticated-session';
import { readSessionToken, RequestWithTokens } from './token-extractors';
import { TokenVerifier } from './token-verifier';

export const SESSION_STRATEGY = 'descope-session';

/** Passport strategy for a session token (bearer, then `DS` cookie); fails with `AuthTokenError`. */
export class SessionStrategy extends Strategy {
  constructor(verifier: TokenVerifier) {
    super((request, done) => {
      verifier.verify(readSessionToken(request as unknown as RequestWithTokens), 'session').then(
        (token) => done(null, toSession(token)),
        (error: Error) => done(error),
      );
    });
  }
}
