import { Module } from '@nestjs/common';
import { AuthResponseFactory } from './auth-response.factory';
import { TokenCookies } from './token-cookies';
import { ClearTokensInterceptor } from './token-delivery.interceptors';

const providers = [AuthResponseFactory, TokenCookies, ClearTokensInterceptor];

/**
 * Tokens on the way out: `AuthResponse` built from Descope's answer (every token verified),
 * delivered in the body and/or the `DS`/`DSR` cookies as TOKEN_DELIVERY says, cleared on logout.
 * Imported by the feature modules that issue or clear tokens.
 */
@Module({ providers, exports: providers })
export class TokensModule {}
