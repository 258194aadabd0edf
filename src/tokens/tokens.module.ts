import { Module } from '@nestjs/common';
import { AuthResponseFactory } from './auth-response.factory';
import { TokenCookies } from './token-cookies';

const providers = [AuthResponseFactory, TokenCookies];

/**
 * Tokens on the way out: `AuthResponse` built from Descope's answer (every token verified), and
 * the `DS`/`DSR`/`DT` cookies as TOKEN_DELIVERY says (delivered and cleared by the route effects
 * `@IssuesTokens` and `@ClearsTokens`). Imported by the feature modules that issue tokens.
 */
@Module({ providers, exports: providers })
export class TokensModule {}
