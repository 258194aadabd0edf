export { AuthModule } from './auth.module';
export type { AuthModuleOptions, KeyFetchOutcome } from './auth-module-options';
export { AuthTokenError } from './auth-token.error';
export { JwksKeyStore } from './jwks-key-store';
export { KeysNotReadyError } from './keys-not-ready.error';
export { SESSION_ENDED, TokenVerifier } from './token-verifier';
export { RevocationSet } from './revocation-set';
export { RevocationFeed, revocationKeys } from './revocation-feed';
export type { RevocationRedis } from './revocation-redis';
export { encodeRevocation, nowSeconds, parseRevocation, tokenHash } from './revocation';
export type { Revocation } from './revocation';
export { VerifiedTokenMemo } from './verified-token-memo';
export type { TokenKind, VerifiedToken } from './verified-token';
export { toRefreshPrincipal, toSession } from './authenticated-session';
export type { AuthenticatedSession, RefreshPrincipal } from './authenticated-session';
export { CURRENT_TENANT, missingGrants, satisfies } from './authorization';
export type { Missing, Requirement } from './authorization';
export { SessionGuard } from './session.guard';
export { RefreshTokenGuard } from './refresh-token.guard';
export { LazyRefreshToken } from './lazy-refresh-token';
export { CrossSiteRequestError } from './cross-site';
export { RequestTokens } from './request-tokens';
export {
  CurrentRefreshToken,
  CurrentSession,
  Permissions,
  Public,
  RefreshTokenRequired,
  Roles,
  TenantPermissions,
  TenantRoles,
} from './auth.decorators';
export { REFRESH_COOKIE, SESSION_COOKIE } from './token-reader';
export type { RequestWithTokens } from './token-reader';
