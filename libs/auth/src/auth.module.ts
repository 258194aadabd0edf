import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './auth.module-definition';
import { JwksKeyStore } from './jwks-key-store';
import { LazyRefreshTokenPipe } from './lazy-refresh-token';
import { RefreshTokenGuard } from './refresh-token.guard';
import { RefreshStrategy } from './refresh.strategy';
import { RequestTokens } from './request-tokens';
import { RevocationFeed } from './revocation-feed';
import { RevocationSet } from './revocation-set';
import { SessionGuard } from './session.guard';
import { SessionStrategy } from './session.strategy';
import { TokenVerifier } from './token-verifier';
import { VerifiedTokenMemo } from './verified-token-memo';

/**
 * Session verification for any Nest service on Descope: needs only the JWKS, not the SDK.
 * It does not register its guard globally; the app does.
 *
 * One app per process: `@nestjs/passport` registers the `descope-session` and `descope-refresh`
 * strategies on Passport's process-wide instance, and its `AuthGuard` always authenticates
 * through that instance. A second app built in the same process with other options replaces
 * the first app's strategies.
 *
 * @example
 * imports: [AuthModule.forRoot({ projectId, baseUrl: 'https://api.descope.com' })],
 * providers: [{ provide: APP_GUARD, useExisting: SessionGuard }],
 */
@Module({
  providers: [
    JwksKeyStore,
    VerifiedTokenMemo,
    RevocationSet,
    RevocationFeed,
    TokenVerifier,
    RequestTokens,
    SessionStrategy,
    RefreshStrategy,
    SessionGuard,
    RefreshTokenGuard,
    LazyRefreshTokenPipe,
  ],
  exports: [
    JwksKeyStore,
    VerifiedTokenMemo,
    RevocationSet,
    RevocationFeed,
    TokenVerifier,
    RequestTokens,
    SessionGuard,
    RefreshTokenGuard,
    LazyRefreshTokenPipe,
  ],
})
export class AuthModule extends ConfigurableModuleClass {}
