import { Inject, Injectable } from '@nestjs/common';
import { AuthModuleOptions } from './auth-module-options';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';
import { CrossSiteRequestError, crossSiteReason } from './cross-site';
import { readToken, RequestWithTokens } from './token-reader';
import { TokenKind } from './verified-token';

/**
 * Reads the token a request carries, and refuses a token from the `DS`/`DSR` cookie on a
 * state-changing request from an origin outside `trustedOrigins` (CSRF): the browser attaches
 * cookies to cross-site requests, never an `Authorization` header. Every route that uses a
 * token reads it here, `@Public()` ones that read it lazily (logout, step-up) included.
 */
@Injectable()
export class RequestTokens {
  private readonly trusted: ReadonlySet<string>;

  constructor(@Inject(AUTH_MODULE_OPTIONS) options: AuthModuleOptions) {
    this.trusted = new Set((options.trustedOrigins ?? []).map((origin) => new URL(origin).origin));
  }

  /** Why a state-changing request is cross-site (see `crossSiteReason`), or `undefined`. */
  crossSite(request: RequestWithTokens): string | undefined {
    return crossSiteReason(request, this.trusted);
  }

  /** The token of a kind (unverified), or `undefined`; throws `CrossSiteRequestError`. */
  read(request: RequestWithTokens, kind: TokenKind): string | undefined {
    const { jwt, fromCookie } = readToken(request, kind);
    const reason = jwt && fromCookie ? crossSiteReason(request, this.trusted) : undefined;
    if (reason) throw new CrossSiteRequestError(reason);
    return jwt;
  }
}
