import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  IS_PUBLIC,
  NEEDS_REFRESH_TOKEN,
  REQUIRED_PERMISSIONS,
  REQUIRED_ROLES,
  REQUIRED_TENANT_PERMISSIONS,
  REQUIRED_TENANT_ROLES,
} from './auth.decorators';
import { CURRENT_TENANT, Requirement } from './authorization';

type Handler = ReturnType<ExecutionContext['getHandler']>;
type Controller = ReturnType<ExecutionContext['getClass']>;

/** What a route's decorators ask of the session guard. */
export interface RouteRules {
  /** `@Public()` or `@RefreshTokenRequired()`: no session token is checked here. */
  skip: boolean;
  /** `@Roles`/`@Permissions` at project level; `@TenantRoles`/`@TenantPermissions` in `dct`. */
  requirements: Requirement[];
}

/**
 * The session guard's rules per route, read from the decorators at a route's first request and
 * kept. Nest's `Reflector` walks metadata maps on every call: the six keys read for two targets
 * were a few per cent of a memo hit's CPU time. Decorators are applied when classes are defined,
 * so the answer cannot change while the app runs. Keyed by handler and then controller: a handler
 * inherited by another controller can meet other class-level rules there.
 */
export class RouteRulesCache {
  private readonly byHandler = new WeakMap<Handler, WeakMap<Controller, RouteRules>>();

  constructor(private readonly reflector: Reflector) {}

  of(handler: Handler, controller: Controller): RouteRules {
    let byController = this.byHandler.get(handler);
    if (!byController) this.byHandler.set(handler, (byController = new WeakMap()));
    let rules = byController.get(controller);
    if (!rules) byController.set(controller, (rules = this.read([handler, controller])));
    return rules;
  }

  private read(targets: [Handler, Controller]): RouteRules {
    const read = <T>(key: string) => this.reflector.getAllAndOverride<T | undefined>(key, targets);
    const project = {
      roles: read<string[]>(REQUIRED_ROLES),
      permissions: read<string[]>(REQUIRED_PERMISSIONS),
    };
    const current = {
      roles: read<string[]>(REQUIRED_TENANT_ROLES),
      permissions: read<string[]>(REQUIRED_TENANT_PERMISSIONS),
      tenant: CURRENT_TENANT,
    };
    return {
      skip: Boolean(read<boolean>(IS_PUBLIC) || read<boolean>(NEEDS_REFRESH_TOKEN)),
      requirements: [project, current].filter((r) => r.roles || r.permissions),
    };
  }
}
