import { TokenClaims, VerifiedToken } from './verified-token';

/** Roles and permissions granted within one tenant. */
export interface TenantGrants {
  roles: string[];
  permissions: string[];
}

/** What a verified session token says about its user. */
export interface AuthenticatedSession {
  userId: string;
  /** Unix seconds. */
  sessionExpiresAt: number;
  roles: string[];
  permissions: string[];
  tenants: Record<string, TenantGrants>;
  /** The selected tenant (`dct`), if any. */
  currentTenant?: string;
  /** How the user authenticated (`pwd`, `email`, `totp`, ...). */
  amr: string[];
  /** The session was stepped up (Descope's `su` claim). */
  steppedUp: boolean;
  claims: TokenClaims;
  jwt: string;
}

/** A verified refresh token: enough to call Descope on the user's behalf. */
export interface RefreshPrincipal {
  userId: string;
  /** Unix seconds. */
  refreshExpiresAt: number;
  claims: TokenClaims;
  jwt: string;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The session view of a verified session token. */
export function toSession({ jwt, claims }: VerifiedToken): AuthenticatedSession {
  const tenants: Record<string, TenantGrants> = {};
  for (const [id, grants] of Object.entries(claims.tenants ?? {})) {
    tenants[id] = { roles: strings(grants?.roles), permissions: strings(grants?.permissions) };
  }
  return {
    userId: claims.sub,
    sessionExpiresAt: claims.exp,
    roles: strings(claims.roles),
    permissions: strings(claims.permissions),
    tenants,
    currentTenant: typeof claims.dct === 'string' ? claims.dct : undefined,
    amr: strings(claims.amr),
    steppedUp: claims.su === true,
    claims,
    jwt,
  };
}

/** The principal view of a verified refresh token. */
export function toRefreshPrincipal({ jwt, claims }: VerifiedToken): RefreshPrincipal {
  return { userId: claims.sub, refreshExpiresAt: claims.exp, claims, jwt };
}
