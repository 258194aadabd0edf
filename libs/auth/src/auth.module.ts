import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ConfigurableModuleClass } from './auth.module-definition';
import { JwksKeyStore } from './jwks-key-store';
import { RefreshStrategy } from './refresh.strategy';
import { SessionGuard } from './session.guard';
import { SessionStrategy } from './session.strategy';
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
  imports: [PassportModule],
  providers: [JwksKeyStore, TokenVerifier, SessionStrategy, RefreshStrategy, SessionGuard],
  exports: [JwksKeyStore, TokenVerifier, SessionGuard],
})
export class AuthModule extends ConfigurableModuleClass {}
