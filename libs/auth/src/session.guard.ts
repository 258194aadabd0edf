import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  IS_PUBLIC,
  NEEDS_REFRESH_TOKEN,
  REQUIRED_PERMISSIONS,
  REQUIRED_ROLES,
} from './auth.decorators';
import { AuthenticatedSession } from './authenticated-session';
import { missingGrants } from './authorization';
import { TokenAuthenticator } from './token-authenticator';

/**
 * Every route needs a valid session token unless marked `@Public()`; `@RefreshTokenRequired()`
 * routes need a refresh token instead. `@Roles()` / `@Permissions()` are checked after.
 * Register it as the app's guard with `{ provide: APP_GUARD, useExisting: SessionGuard }`.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: TokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<{ user?: unknown }>();
    const kind = this.reflector.getAllAndOverride<boolean>(NEEDS_REFRESH_TOKEN, targets)
      ? 'refresh'
      : 'session';
    request.user = await this.authenticator.authenticate(kind, request, http.getResponse<object>());
    if (kind === 'refresh') return true;
    const roles = this.reflector.getAllAndOverride<string[]>(REQUIRED_ROLES, targets);
    const permissions = this.reflector.getAllAndOverride<string[]>(REQUIRED_PERMISSIONS, targets);
    if (!roles && !permissions) return true;
    const missing = missingGrants(request.user as AuthenticatedSession, { roles, permissions });
    if (missing.roles.length || missing.permissions.length) {
      throw new ForbiddenException('The session lacks a required role or permission');
    }
    return true;
  }
}
