import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import { RefreshPrincipal, toRefreshPrincipal } from './authenticated-session';
import { readToken, RequestWithTokens } from './token-reader';
import { TokenVerifier } from './token-verifier';

/**
 * The refresh token of a public route that needs one only sometimes (step-up) or must answer
 * even when it is refused (logout clears cookies). The handler gets no token, only `verify()`.
 */
export interface LazyRefreshToken {
  /** The verified principal of the request's refresh token; rejects with `AuthTokenError`. */
  verify(): Promise<RefreshPrincipal>;
}

/** Turns the raw token into a `LazyRefreshToken`, so the raw token never reaches a handler. */
@Injectable()
export class LazyRefreshTokenPipe implements PipeTransform<string | undefined, LazyRefreshToken> {
  constructor(private readonly verifier: TokenVerifier) {}

  transform(jwt: string | undefined): LazyRefreshToken {
    return { verify: async () => toRefreshPrincipal(await this.verifier.verify(jwt, 'refresh')) };
  }
}

const RawRefreshToken = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  readToken(context.switchToHttp().getRequest<RequestWithTokens>(), 'refresh'),
);

/**
 * The request's refresh token (DSR cookie, then bearer), verified only when the handler asks.
 *
 * @example
 * logout(@LazyRefreshToken() refresh: LazyRefreshToken) { return this.sessions.logout(refresh); }
 */
export const LazyRefreshToken = () => RawRefreshToken(LazyRefreshTokenPipe);
