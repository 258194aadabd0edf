import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { AuthenticatedSession, toSession } from './authenticated-session';
import { readSessionToken, RequestWithTokens } from './token-extractors';
import { TokenVerifier } from './token-verifier';

export const SESSION_STRATEGY = 'descope-session';

/** Passport strategy for a session token (bearer, then `DS` cookie). Throws to refuse. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, SESSION_STRATEGY) {
  constructor(private readonly verifier: TokenVerifier) {
    super();
  }

  async validate(request: RequestWithTokens): Promise<AuthenticatedSession> {
    return toSession(await this.verifier.verify(readSessionToken(request), 'session'));
  }
}
