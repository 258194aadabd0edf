export { AuthModule } from './auth.module';
export { AUTH_MODULE_OPTIONS } from './auth.module-definition';
export type { AuthModuleOptions } from './auth-module-options';
export { AuthTokenError } from './auth-token.error';
export type { AuthTokenFailure } from './auth-token.error';
export { JwksKeyStore } from './jwks-key-store';
export { TokenVerifier } from './token-verifier';
export type { VerifyOptions } from './token-verifier';
export type { TokenClaims, TokenKind, VerifiedToken } from './verified-token';
export { toRefreshPrincipal, toSession } from './authenticated-session';
export type { AuthenticatedSession, RefreshPrincipal, TenantGrants } from './authenticated-session';
export { grantsOf, missingGrants } from './authorization';
export type { Requirement } from './authorization';
export { SessionGuard } from './session.guard';
export { SessionStrategy } from './session.strategy';
export { RefreshStrategy } from './refresh.strategy';
export { TokenAuthenticator } from './token-authenticator';
export {
  CurrentRefreshToken,
  CurrentSession,
  OptionalRefreshToken,
  Permissions,
  Public,
  RefreshTokenRequired,
  Roles,
} from './auth.decorators';
export {
  readRefreshToken,
  readSessionToken,
  REFRESH_COOKIE,
  SESSION_COOKIE,
} from './token-extractors';
