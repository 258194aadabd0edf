import { ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthenticatedSession } from './authenticated-session';
import { missingGrants, satisfies } from './authorization';
import { RouteRulesCache } from './route-rules';
import { SESSION_STRATEGY } from './session.strategy';

/**
 * Every route needs a valid session token unless it is `@Public()` or `@RefreshTokenRequired()`
 * (whose own `RefreshTokenGuard` checks the refresh token). Once the session is verified,
 * `@Roles()` / `@Permissions()` are checked at project level and `@TenantRoles()` /
 * `@TenantPermissions()` in the token's current tenant. Register it as the app's guard with
 * `{ provide: APP_GUARD, useExisting: SessionGuard }`.
 */
@Injectable()
export class SessionGuard extends AuthGuard(SESSION_STRATEGY) {
  private readonly rules: RouteRulesCache;

  constructor(reflector: Reflector) {
    super();
    this.rules = new RouteRulesCache(reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { skip, requirements } = this.rules.of(context.getHandler(), context.getClass());
    if (skip) return true;
    await super.canActivate(context);
    const { user } = context.switchToHttp().getRequest<{ user: AuthenticatedSession }>();
    for (const requirement of requirements) {
      if (!satisfies(missingGrants(user, requirement))) {
        throw new ForbiddenException('The session lacks a required role or permission');
      }
    }
    return true;
  }
}
