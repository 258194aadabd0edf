import { Module } from '@nestjs/common';
import { AuthResponseFactory } from './auth-response.factory';
import { TokenCookies } from './token-cookies';
import { TokenDeliveryCheck } from './token-delivery-check';
import { ClearTokensInterceptor } from './token-delivery.interceptors';

const providers = [AuthResponseFactory, TokenCookies, ClearTokensInterceptor];

/**
 * Tokens on the way out: `AuthResponse` built from Descope's answer (every token verified),
 * delivered in the body and/or the `DS`/`DSR` cookies as TOKEN_DELIVERY says, cleared on logout;
 * an app whose token routes lack the delivery hook refuses to start (`TokenDeliveryCheck`).
 * Imported by the feature modules that issue or clear tokens.
 */
@Module({ providers: [...providers, TokenDeliveryCheck], exports: providers })
export class TokensModule {}
