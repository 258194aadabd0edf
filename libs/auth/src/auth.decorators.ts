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

/** The route needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs a refresh token (DSR cookie, then bearer) instead of a session token. */
export const RefreshTokenRequired = () =>
  applyDecorators(SetMetadata(NEEDS_REFRESH_TOKEN, true), UseGuards(RefreshTokenGuard));

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
