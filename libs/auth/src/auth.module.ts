import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './auth.module-definition';
import { JwksKeyStore } from './jwks-key-store';
import { SessionGuard } from './session.guard';
import { TokenAuthenticator } from './token-authenticator';
import { TokenVerifier } from './token-verifier';

/**
 * Session verification for any Nest service on Descope: needs only the JWKS, not the SDK.
 * It does not register its guard globally; the app does.
 *
 * @example
 * imports: [AuthModule.forRoot({ projectId, baseUrl: 'https://api.descope.com' })],
 * providers: [{ provide: APP_GUARD, useExisting: SessionGuard }],
 */
@Module({
  providers: [JwksKeyStore, TokenVerifier, TokenAuthenticator, SessionGuard],
  exports: [JwksKeyStore, TokenVerifier, TokenAuthenticator, SessionGuard],
})
export class AuthModule extends ConfigurableModuleClass {}
