import { AuthenticatedSession } from './authenticated-session';

/** What a session must hold: every listed role and permission, optionally within a tenant. */
export interface Requirement {
  roles?: string[];
  permissions?: string[];
  /** Check within this tenant only; the user must be a member of it. */
  tenant?: string;
}

/** A tenant's own entry only: a tenant id like `__proto__` must not reach Object.prototype. */
const tenantGrants = (session: AuthenticatedSession, tenant: string) =>
  Object.hasOwn(session.tenants, tenant) ? session.tenants[tenant] : undefined;

/**
 * Roles and permissions a session holds. Within a named tenant: that tenant's grants only
 * (as the SDK's `validateTenantRoles`). Otherwise: project-level grants plus those of the
 * selected tenant (`dct`), so a tenant-scoped role works once the tenant is selected.
 */
export function grantsOf(session: AuthenticatedSession, tenant?: string) {
  if (tenant) return tenantGrants(session, tenant);
  const current = session.currentTenant ? tenantGrants(session, session.currentTenant) : undefined;
  return {
    roles: [...session.roles, ...(current?.roles ?? [])],
    permissions: [...session.permissions, ...(current?.permissions ?? [])],
  };
}

/** The roles and permissions of the requirement the session lacks; empty lists when it passes. */
export function missingGrants(session: AuthenticatedSession, requirement: Requirement) {
  const grants = grantsOf(session, requirement.tenant);
  const held = { roles: grants?.roles ?? [], permissions: grants?.permissions ?? [] };
  return {
    notMember: Boolean(requirement.tenant) && !grants,
    roles: (requirement.roles ?? []).filter((role) => !held.roles.includes(role)),
    permissions: (requirement.permissions ?? []).filter((p) => !held.permissions.includes(p)),
  };
}
