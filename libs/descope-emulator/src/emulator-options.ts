import { SigningAlg } from './key-ring';
import type { RefreshReuse } from './refresh-tokens';

/** The password rules the emulator enforces and reports at `GET /v1/auth/password/policy`. */
export interface PasswordPolicy {
  minLength: number;
  lowercase: boolean;
  uppercase: boolean;
  number: boolean;
  nonAlphanumeric: boolean;
}

/** Everything that can be set when starting the emulator; every field has a default. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Project id used in `iss`, the JWKS path and the Authorization header. */
  projectId?: string;
  /** When set, management calls must carry exactly this key; otherwise any non-empty key. */
  managementKey?: string;
  /** Session token lifetime, seconds (default 600). */
  sessionTtlSeconds?: number;
  /** Refresh token lifetime, seconds (default 30 days). */
  refreshTtlSeconds?: number;
  /** Issue a new refresh token on every refresh and revoke the old one (default false). */
  rotateRefreshTokens?: boolean;
  /**
   * With rotation, what a rotated-away refresh token answers: `revoke` (default, 401 E064001) or
   * `family` (400 E064006, and every token of its sign-in ends).
   */
  refreshReuse?: RefreshReuse;
  /** Lifetime of a password-reset link token, seconds (default 600). */
  resetTokenTtlSeconds?: number;
  /** Where reset links point when the caller gives no `redirectUrl`. */
  defaultRedirectUrl?: string;
  /** How long a rotated-out key stays in the JWKS, seconds (default 600). */
  keyGraceSeconds?: number;
  /**
   * Account lock-out, as a Descope project can set it: after this many failed password sign-ins
   * for one login id within the window, sign-ins fail like a wrong password (default 0: off).
   */
  lockoutAttempts?: number;
  /** Window for counting failed sign-ins, seconds (default 600). */
  lockoutWindowSeconds?: number;
  /** Passwords older than this many days answer E062909 at sign-in (default 0: never). */
  passwordMaxAgeDays?: number;
  /**
   * Descope's `mask_errors` ("Hide sensitive error information"): a failed password sign-in or
   * replace answers as a wrong password, whether the user is unknown or locked (default false).
   */
  maskErrors?: boolean;
  /** Requests per minute from one client IP before 429 E130429, as Descope limits (default 0: off). */
  ipRateLimit?: number;
  /** Lifetime of a one-time code, seconds (default 300). */
  otpTtlSeconds?: number;
  /** Wrong OTP/TOTP codes before the code (or user) is locked with E061103 (default 5). */
  maxWrongCodes?: number;
  /** Issuer shown by authenticator apps (default "Descope Emulator"). */
  totpIssuer?: string;
  /** Password policy; fields not given keep their defaults. */
  passwordPolicy?: Partial<PasswordPolicy>;
  /** The algorithm tokens are signed with: RS256 (the default, as Descope), ES256 or ES384. */
  signingAlg?: SigningAlg;
  /** Sign `iss` as `https://api.descope.com/<projectId>` instead of the bare id (default false). */
  issuerUrl?: boolean;
  /**
   * Descope's "manage session token in cookies" mode: JWT answers carry the tokens in `DS` and
   * `DSR` Set-Cookie headers and leave them out of the body (default false).
   */
  sessionCookies?: boolean;
  /** Largest request body accepted, bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /**
   * Where to keep the state across restarts (`<dataDir>/emulator-state.json`): users, roles,
   * tenants, signing keys, TOTP seeds and live refresh tokens. Loaded at start, saved after each
   * change and at close. Unset (the default): in memory only.
   */
  dataDir?: string;
  /**
   * Serve the UI (`/`) and the admin routes (`/emulator/*`) to any client. Default false: only
   * to loopback clients naming a loopback host (the port may still listen on every interface).
   */
  adminRemote?: boolean;
}

export type ResolvedEmulatorOptions = Required<
  Omit<EmulatorOptions, 'managementKey' | 'dataDir'>
> & {
  managementKey?: string;
  dataDir?: string;
  passwordPolicy: PasswordPolicy;
};

/** The project id used when none is given: 32 characters, shaped like a Descope id. */
export const DEFAULT_PROJECT_ID = 'P2EmulatorLocalProject000000000';

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  lowercase: true,
  uppercase: true,
  number: true,
  nonAlphanumeric: false,
};

/** Fills in the defaults of every option left out. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    projectId: options.projectId ?? DEFAULT_PROJECT_ID,
    managementKey: options.managementKey,
    dataDir: options.dataDir,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 600,
    refreshTtlSeconds: options.refreshTtlSeconds ?? 30 * 24 * 3600,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    refreshReuse: options.refreshReuse ?? 'revoke',
    resetTokenTtlSeconds: options.resetTokenTtlSeconds ?? 600,
    defaultRedirectUrl: options.defaultRedirectUrl ?? 'http://localhost:3000/reset-password',
    keyGraceSeconds: options.keyGraceSeconds ?? 600,
    lockoutAttempts: options.lockoutAttempts ?? 0,
    lockoutWindowSeconds: options.lockoutWindowSeconds ?? 600,
    passwordMaxAgeDays: options.passwordMaxAgeDays ?? 0,
    maskErrors: options.maskErrors ?? false,
    ipRateLimit: options.ipRateLimit ?? 0,
    otpTtlSeconds: options.otpTtlSeconds ?? 300,
    maxWrongCodes: options.maxWrongCodes ?? 5,
    totpIssuer: options.totpIssuer ?? 'Descope Emulator',
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...options.passwordPolicy },
    signingAlg: options.signingAlg ?? 'RS256',
    issuerUrl: options.issuerUrl ?? false,
    sessionCookies: options.sessionCookies ?? false,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    adminRemote: options.adminRemote ?? false,
  };
}
