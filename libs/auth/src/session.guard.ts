import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import {
  IS_PUBLIC,
  NEEDS_REFRESH_TOKEN,
  REQUIRED_PERMISSIONS,
  REQUIRED_ROLES,
} from './auth.decorators';
import { AuthenticatedSession } from './authenticated-session';
import { missingGrants } from './authorization';
import { REFRESH_STRATEGY } from './refresh.strategy';
import { SESSION_STRATEGY } from './session.strategy';

const SessionAuth = AuthGuard(SESSION_STRATEGY);
const RefreshAuth = AuthGuard(REFRESH_STRATEGY);

/**
 * Every route needs a valid session token unless marked `@Public()`; `@RefreshTokenRequired()`
 * routes need a refresh token instead. `@Roles()` / `@Permissions()` are checked after.
 * Register it as the app's guard with `{ provide: APP_GUARD, useExisting: SessionGuard }`.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly session = new SessionAuth();
  private readonly refresh = new RefreshAuth();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(NEEDS_REFRESH_TOKEN, targets)) {
      return (await this.refresh.canActivate(context)) as boolean;
    }
    await this.session.canActivate(context);
    const roles = this.reflector.getAllAndOverride<string[]>(REQUIRED_ROLES, targets);
    const permissions = this.reflector.getAllAndOverride<string[]>(REQUIRED_PERMISSIONS, targets);
    if (!roles && !permissions) return true;
    const { user } = context.switchToHttp().getRequest<{ user: AuthenticatedSession }>();
    const missing = missingGrants(user, { roles, permissions });
    if (missing.roles.length || missing.permissions.length) {
      throw new ForbiddenException('The session lacks a required role or permission');
    }
    return true;
  }
}
