import { randomBytes } from 'node:crypto';
import { AuthorizationClaims, EmulatorUser, Role, Tenant } from './store-records';

import { loginIdKey as key } from './login-id';

/** Users, roles and tenants, indexed by user id and by every login id. */
export class EmulatorStore {
  private readonly users = new Map<string, EmulatorUser>();
  private readonly byLoginId = new Map<string, string>();
  private readonly roles = new Map<string, Role>();
  private readonly tenants = new Map<string, Tenant>();

  createUser(fields: Partial<EmulatorUser> & { loginIds: string[] }): EmulatorUser {
    const user: EmulatorUser = {
      verifiedEmail: false,
      verifiedPhone: false,
      roleNames: [],
      userTenants: [],
      customAttributes: {},
      status: 'enabled',
      test: false,
      seen: false,
      ...fields,
      userId: `U${randomBytes(14).toString('hex')}`,
      createdTime: Math.floor(Date.now() / 1000),
    };
    this.users.set(user.userId, user);
    for (const loginId of user.loginIds) this.byLoginId.set(key(loginId), user.userId);
    return user;
  }

  findByLoginId(loginId: string): EmulatorUser | undefined {
    const userId = this.byLoginId.get(key(loginId));
    return userId ? this.users.get(userId) : undefined;
  }

  findById(userId: string): EmulatorUser | undefined {
    return this.users.get(userId);
  }

  /** Management calls accept a login id or a user id in the same field. */
  findByLoginIdOrUserId(id: string): EmulatorUser | undefined {
    return this.findByLoginId(id) ?? this.findById(id);
  }

  /** Adds a login id to a user; false when another user already holds it. */
  addLoginId(user: EmulatorUser, loginId: string): boolean {
    const holder = this.byLoginId.get(key(loginId));
    if (holder && holder !== user.userId) return false;
    if (!holder) user.loginIds.push(loginId);
    this.byLoginId.set(key(loginId), user.userId);
    return true;
  }

  /** Merges `source` into `target`: the target keeps its id and gains the source's login ids. */
  mergeInto(source: EmulatorUser, target: EmulatorUser): void {
    this.deleteUser(source);
    for (const loginId of source.loginIds) this.addLoginId(target, loginId);
  }

  deleteUser(user: EmulatorUser): void {
    this.users.delete(user.userId);
    for (const loginId of user.loginIds) this.byLoginId.delete(key(loginId));
  }

  saveRole(role: Role): void {
    this.roles.set(role.name, role);
  }

  findRole(name: string): Role | undefined {
    return this.roles.get(name);
  }

  saveTenant(tenant: Tenant): void {
    this.tenants.set(tenant.id, tenant);
  }

  findTenant(id: string): Tenant | undefined {
    return this.tenants.get(id);
  }

  /** Everything kept, for a saved state (state-file.ts). */
  snapshot(): { users: EmulatorUser[]; roles: Role[]; tenants: Tenant[] } {
    return {
      users: [...this.users.values()],
      roles: [...this.roles.values()],
      tenants: [...this.tenants.values()],
    };
  }

  /** Takes a saved state's users, roles and tenants as they were, in place of the current ones. */
  restore({ users, roles, tenants }: ReturnType<EmulatorStore['snapshot']>): void {
    for (const map of [this.users, this.byLoginId, this.roles, this.tenants]) map.clear();
    for (const user of users) {
      this.users.set(user.userId, user);
      for (const loginId of user.loginIds) this.byLoginId.set(key(loginId), user.userId);
    }
    for (const role of roles) this.roles.set(role.name, role);
    for (const tenant of tenants) this.tenants.set(tenant.id, tenant);
  }

  /** Project roles with their permissions at the top level, and the same per tenant. */
  claimsFor(user: EmulatorUser): AuthorizationClaims {
    // No prototype: a tenant id such as "__proto__" is a key like any other.
    const tenants: AuthorizationClaims['tenants'] = Object.create(
      null,
    ) as AuthorizationClaims['tenants'];
    for (const { tenantId, roleNames } of user.userTenants) {
      tenants[tenantId] = { roles: [...roleNames], permissions: this.permissionsOf(roleNames) };
    }
    return {
      roles: [...user.roleNames],
      permissions: this.permissionsOf(user.roleNames),
      tenants,
    };
  }

  private permissionsOf(roleNames: string[]): string[] {
    const names = roleNames.flatMap((name) => this.roles.get(name)?.permissionNames ?? []);
    return [...new Set(names)];
  }
}
