/* What the emulator's store keeps: users, roles, tenants, in memory only. */

/** A user's membership in a tenant, as Descope's `userTenants` entries. */
export interface TenantMembership {
  tenantId: string;
  roleNames: string[];
}

/** A user's TOTP seed and what protects it: replay and wrong-code counters. */
export interface TotpState {
  secret: string;
  /** The last time step a code was accepted for; older and equal steps are refused. */
  lastCounter: number;
  wrongAttempts: number;
  lockedUntil: number;
}

/** A user as the emulator keeps it, in memory only. */
export interface EmulatorUser {
  userId: string;
  loginIds: string[];
  name?: string;
  givenName?: string;
  middleName?: string;
  familyName?: string;
  email?: string;
  phone?: string;
  picture?: string;
  verifiedEmail: boolean;
  verifiedPhone: boolean;
  roleNames: string[];
  userTenants: TenantMembership[];
  customAttributes: Record<string, unknown>;
  status: 'enabled' | 'disabled';
  test: boolean;
  createdTime: number;
  /** scrypt hash; never the password itself. */
  passwordHash?: string;
  /** When the password was set (ms), for the project's maximum password age. */
  passwordSetAt?: number;
  /** Set by management `expirePassword`: sign-ins answer E062909 until it is changed. */
  passwordExpired?: boolean;
  /** Authenticator-app enrolment, when the user has one. */
  totp?: TotpState;
  /** False until the first successful authentication: feeds `firstSeen`. */
  seen: boolean;
}

export interface Role {
  name: string;
  description?: string;
  permissionNames: string[];
  tenantId?: string;
  default: boolean;
  private: boolean;
  /** Unix seconds. */
  createdTime: number;
}

export interface Tenant {
  id: string;
  name: string;
}

/** The authorization claims a user's tokens carry. */
export interface AuthorizationClaims {
  roles: string[];
  permissions: string[];
  tenants: Record<string, { roles: string[]; permissions: string[] }>;
}
