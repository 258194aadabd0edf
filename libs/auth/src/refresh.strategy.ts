import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { RefreshPrincipal, toRefreshPrincipal } from './authenticated-session';
import { readRefreshToken, RequestWithTokens } from './token-extractors';
import { TokenVerifier } from './token-verifier';

export const REFRESH_STRATEGY = 'descope-refresh';

/** Passport strategy for a refresh token (`DSR` cookie, then bearer). Throws to refuse. */
@Injectable()
export class RefreshStrategy extends PassportStrategy(Strategy, REFRESH_STRATEGY) {
  constructor(private readonly verifier: TokenVerifier) {
    super();
  }

  async validate(request: RequestWithTokens): Promise<RefreshPrincipal> {
    return toRefreshPrincipal(await this.verifier.verify(readRefreshToken(request), 'refresh'));
  }
}
