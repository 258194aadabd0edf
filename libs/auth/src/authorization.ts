import { AuthenticatedSession, TenantGrants } from './authenticated-session';

/** Names the tenant of the token's `dct` claim in a requirement, instead of a tenant id. */
export const CURRENT_TENANT = 'current';

/** What a session must hold: every listed role and permission, in the project or one tenant. */
export interface Requirement {
  roles?: string[];
  permissions?: string[];
  /** Within this tenant only (the user must be a member); `current`: the token's `dct`. */
  tenant?: string;
}

/** A tenant's own entry only: a tenant id like `__proto__` must not reach Object.prototype. */
const tenantGrants = (session: AuthenticatedSession, tenant: string) =>
  Object.hasOwn(session.tenants, tenant) ? session.tenants[tenant] : undefined;

/**
 * The grants a check counts, as the SDK's validators do: with no tenant, the project-level roles
 * and permissions only (`validateRoles`), never those the user holds inside a tenant, even the
 * current one; with a tenant, that tenant's only (`validateTenantRoles`), `undefined` when the
 * user is not a member.
 */
export function grantsOf(session: AuthenticatedSession, tenant?: string): TenantGrants | undefined {
  if (tenant === undefined) return { roles: session.roles, permissions: session.permissions };
  return tenantGrants(session, tenant);
}

/** What a session lacks of a requirement: nothing when every list is empty and both flags false. */
export interface Missing {
  /** `current` was named and the token has no `dct`. */
  noCurrentTenant: boolean;
  /** A tenant was named and the user is not a member of it. */
  notMember: boolean;
  roles: string[];
  permissions: string[];
}

export function missingGrants(session: AuthenticatedSession, requirement: Requirement): Missing {
  const current = requirement.tenant === CURRENT_TENANT;
  const tenant = current ? session.currentTenant : requirement.tenant;
  const grants = current && !tenant ? undefined : grantsOf(session, tenant);
  const held = { roles: grants?.roles ?? [], permissions: grants?.permissions ?? [] };
  return {
    noCurrentTenant: current && !tenant,
    notMember: requirement.tenant !== undefined && !grants,
    roles: (requirement.roles ?? []).filter((role) => !held.roles.includes(role)),
    permissions: (requirement.permissions ?? []).filter((p) => !held.permissions.includes(p)),
  };
}

/** True when the session holds everything the requirement asks. */
export const satisfies = (missing: Missing) =>
  !missing.noCurrentTenant &&
  !missing.notMember &&
  !missing.roles.length &&
  !missing.permissions.length;
