import { ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
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
import { SESSION_STRATEGY } from './session.strategy';

/**
 * Every route needs a valid session token unless it is `@Public()` or `@RefreshTokenRequired()`
 * (whose own `RefreshTokenGuard` checks the refresh token). `@Roles()` / `@Permissions()` are
 * checked once the session is verified. Register it as the app's guard with
 * `{ provide: APP_GUARD, useExisting: SessionGuard }`.
 */
@Injectable()
export class SessionGuard extends AuthGuard(SESSION_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const skip = (key: string) => this.reflector.getAllAndOverride<boolean>(key, targets);
    if (skip(IS_PUBLIC) || skip(NEEDS_REFRESH_TOKEN)) return true;
    await super.canActivate(context);
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
