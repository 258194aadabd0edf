import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import { RefreshPrincipal, toRefreshPrincipal } from './authenticated-session';
import { RequestTokens } from './request-tokens';
import { RequestWithTokens } from './token-reader';
import { TokenVerifier } from './token-verifier';
import { VerifiedToken } from './verified-token';

/**
 * The refresh token of a public route that needs one only sometimes (step-up) or must answer
 * even when it is refused (logout clears cookies). The handler gets no token, only `verify()`.
 */
export interface LazyRefreshToken {
  /** The verified principal of the request's refresh token; rejects with `AuthTokenError`. */
  verify(): Promise<RefreshPrincipal>;
  /**
   * The session token the request also carries (bearer, then `DS` cookie), verified, e.g. to end
   * it at logout; undefined when there is none, it does not verify (revoked or expired included),
   * or it comes from a cookie on a cross-site request.
   */
  carriedSession(): Promise<VerifiedToken | undefined>;
}

/**
 * Turns the request into a `LazyRefreshToken`: reading (with the cross-site check) and verifying
 * happen in `verify()`, so the raw token never reaches a handler and an unused one costs nothing.
 */
@Injectable()
export class LazyRefreshTokenPipe implements PipeTransform<RequestWithTokens, LazyRefreshToken> {
  constructor(
    private readonly tokens: RequestTokens,
    private readonly verifier: TokenVerifier,
  ) {}

  transform(request: RequestWithTokens): LazyRefreshToken {
    return {
      verify: async () => {
        const jwt = this.tokens.read(request, 'refresh');
        const principal = toRefreshPrincipal(await this.verifier.verify(jwt, 'refresh'));
        // Once verified, the principal is the request's user, as Passport would have set it.
        (request as RequestWithTokens & { user?: unknown }).user ??= principal;
        return principal;
      },
      carriedSession: async () => {
        try {
          const jwt = this.tokens.read(request, 'session');
          return jwt ? await this.verifier.verify(jwt, 'session') : undefined;
        } catch {
          return undefined;
        }
      },
    };
  }
}

const RawRefreshToken = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  context.switchToHttp().getRequest<RequestWithTokens>(),
);

/**
 * The request's refresh token (DSR cookie, then bearer), verified only when the handler asks.
 *
 * @example
 * logout(@LazyRefreshToken() refresh: LazyRefreshToken) { return this.sessions.logout(refresh); }
 */
export const LazyRefreshToken = () => RawRefreshToken(LazyRefreshTokenPipe);
