import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { AuthenticatedSession, RefreshPrincipal } from './authenticated-session';
import { RefreshTokenGuard } from './refresh-token.guard';

export const IS_PUBLIC = 'descope-auth:public';
export const NEEDS_REFRESH_TOKEN = 'descope-auth:refresh';
export const REQUIRED_ROLES = 'descope-auth:roles';
export const REQUIRED_PERMISSIONS = 'descope-auth:permissions';
export const REQUIRED_TENANT_ROLES = 'descope-auth:tenant-roles';
export const REQUIRED_TENANT_PERMISSIONS = 'descope-auth:tenant-permissions';

/** The route needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs a refresh token (DSR cookie, then bearer) instead of a session token. */
export const RefreshTokenRequired = () =>
  applyDecorators(SetMetadata(NEEDS_REFRESH_TOKEN, true), UseGuards(RefreshTokenGuard));

/** The session must hold every listed role at project level (as the SDK's `validateRoles`). */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The session must hold every listed permission at project level. */
export const Permissions = (...permissions: string[]) =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

/**
 * The session must hold every listed role in its current tenant (the token's `dct`, set by
 * tenant selection or for a user of exactly one tenant); 403 when it has none.
 */
export const TenantRoles = (...roles: string[]) => SetMetadata(REQUIRED_TENANT_ROLES, roles);

/** The session must hold every listed permission in its current tenant (`dct`). */
export const TenantPermissions = (...permissions: string[]) =>
  SetMetadata(REQUIRED_TENANT_PERMISSIONS, permissions);

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
