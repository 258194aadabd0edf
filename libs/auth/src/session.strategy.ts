import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { AuthenticatedSession, toSession } from './authenticated-session';
import { RequestTokens } from './request-tokens';
import { RequestWithTokens } from './token-reader';
import { TokenVerifier } from './token-verifier';

export const SESSION_STRATEGY = 'descope-session';

/** A session token (bearer, then `DS` cookie), verified; fails with `AuthTokenError`. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, SESSION_STRATEGY) {
  constructor(
    private readonly tokens: RequestTokens,
    private readonly verifier: TokenVerifier,
  ) {
    super();
  }

  async validate(request: RequestWithTokens): Promise<AuthenticatedSession> {
    return toSession(await this.verifier.verify(this.tokens.read(request, 'session'), 'session'));
  }
}
