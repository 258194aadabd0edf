import { ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import {
  IS_PUBLIC,
  NEEDS_REFRESH_TOKEN,
  REQUIRED_PERMISSIONS,
  REQUIRED_ROLES,
  REQUIRED_TENANT_PERMISSIONS,
  REQUIRED_TENANT_ROLES,
} from './auth.decorators';
import { AuthenticatedSession } from './authenticated-session';
import { CURRENT_TENANT, missingGrants, Requirement, satisfies } from './authorization';
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
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const skip = (key: string) => this.reflector.getAllAndOverride<boolean>(key, targets);
    if (skip(IS_PUBLIC) || skip(NEEDS_REFRESH_TOKEN)) return true;
    await super.canActivate(context);
    const { user } = context.switchToHttp().getRequest<{ user: AuthenticatedSession }>();
    for (const requirement of this.requirements(targets)) {
      if (!satisfies(missingGrants(user, requirement))) {
        throw new ForbiddenException('The session lacks a required role or permission');
      }
    }
    return true;
  }

  /** `@Roles`/`@Permissions` at project level; `@TenantRoles`/`@TenantPermissions` in `dct`. */
  private requirements(targets: ReturnType<ExecutionContext['getHandler']>[]): Requirement[] {
    const read = (key: string) =>
      this.reflector.getAllAndOverride<string[] | undefined>(key, targets);
    const project = { roles: read(REQUIRED_ROLES), permissions: read(REQUIRED_PERMISSIONS) };
    const current = {
      roles: read(REQUIRED_TENANT_ROLES),
      permissions: read(REQUIRED_TENANT_PERMISSIONS),
      tenant: CURRENT_TENANT,
    };
    return [project, current].filter((requirement) => requirement.roles || requirement.permissions);
  }
}
