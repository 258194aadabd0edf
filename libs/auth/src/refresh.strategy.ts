import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { RefreshPrincipal, toRefreshPrincipal } from './authenticated-session';
import { RequestTokens } from './request-tokens';
import { RequestWithTokens } from './token-reader';
import { TokenVerifier } from './token-verifier';

export const REFRESH_STRATEGY = 'descope-refresh';

/** A refresh token (`DSR` cookie, then bearer), verified; fails with `AuthTokenError`. */
@Injectable()
export class RefreshStrategy extends PassportStrategy(Strategy, REFRESH_STRATEGY) {
  constructor(
    private readonly tokens: RequestTokens,
    private readonly verifier: TokenVerifier,
  ) {
    super();
  }

  async validate(request: RequestWithTokens): Promise<RefreshPrincipal> {
    return toRefreshPrincipal(
      await this.verifier.verify(this.tokens.read(request, 'refresh'), 'refresh'),
    );
  }
}
