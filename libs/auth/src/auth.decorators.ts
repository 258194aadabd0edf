import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AuthenticatedSession, RefreshPrincipal } from './authenticated-session';
import { readRefreshToken, RequestWithTokens } from './token-extractors';

export const IS_PUBLIC = 'descope-auth:public';
export const NEEDS_REFRESH_TOKEN = 'descope-auth:refresh';
export const REQUIRED_ROLES = 'descope-auth:roles';
export const REQUIRED_PERMISSIONS = 'descope-auth:permissions';

/** The route needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs a refresh token (DSR cookie, then bearer) instead of a session token. */
export const RefreshTokenRequired = () => SetMetadata(NEEDS_REFRESH_TOKEN, true);

/** The session must hold every listed role (project-level or in the selected tenant). */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The session must hold every listed permission (project-level or in the selected tenant). */
export const Permissions = (...permissions: string[]) =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

/** The verified session of a session-token route. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<{ user: AuthenticatedSession }>().user,
);

/** The verified refresh token of a `@RefreshTokenRequired()` route. */
export const CurrentRefreshToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<{ user: RefreshPrincipal }>().user,
);

/**
 * The refresh token the request carries (DSR cookie, then bearer), unverified, or `undefined`.
 * For public routes that need one only sometimes (step-up); verify it before trusting it.
 */
export const OptionalRefreshToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    readRefreshToken(context.switchToHttp().getRequest<RequestWithTokens>()),
);
