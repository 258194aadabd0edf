import { EmulatorOptions } from './emulator-options';
import { SIGNING_ALGS, SigningAlg } from './key-ring';
import type { RefreshReuse } from './refresh-tokens';

/** Reads a non-negative integer variable, failing loudly on anything else. */
function intVar(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer`);
  return value;
}

/** EMULATOR_SIGNING_ALG: RS256 (default), ES256 or ES384. */
function signingAlg(raw: string | undefined): SigningAlg | undefined {
  if (!raw) return undefined;
  if ((SIGNING_ALGS as readonly string[]).includes(raw)) return raw as SigningAlg;
  throw new Error('EMULATOR_SIGNING_ALG must be RS256, ES256 or ES384');
}

/** EMULATOR_REFRESH_REUSE: revoke (default) or family. */
function refreshReuse(raw: string | undefined): RefreshReuse | undefined {
  if (!raw) return undefined;
  if (raw === 'revoke' || raw === 'family') return raw;
  throw new Error('EMULATOR_REFRESH_REUSE must be revoke or family');
}

/**
 * Emulator options from `EMULATOR_*` variables: `EMULATOR_PORT` (default 4500 when run alone),
 * `EMULATOR_HOST`, `EMULATOR_PROJECT_ID`, `EMULATOR_MANAGEMENT_KEY`, `EMULATOR_SESSION_TTL`,
 * `EMULATOR_REFRESH_TTL` (seconds), `EMULATOR_ROTATE_REFRESH` (`true`/`false`),
 * `EMULATOR_REFRESH_REUSE` (`revoke`/`family`: what a rotated-away token answers),
 * `EMULATOR_LOCKOUT_ATTEMPTS`, `EMULATOR_PASSWORD_MAX_AGE_DAYS` and `EMULATOR_IP_RATE_LIMIT` (0: off),
 * `EMULATOR_MASK_ERRORS` (`true`/`false`), `EMULATOR_SIGNING_ALG`,
 * `EMULATOR_RESET_URL` (the frontend page reset links point at; `?t=<token>` is appended),
 * `EMULATOR_DATA_DIR` (keep users, keys and tokens across restarts there),
 * `EMULATOR_ADMIN_REMOTE` (`true`: the UI and admin routes answer clients off this machine).
 */
export function emulatorOptionsFromEnv(env: NodeJS.ProcessEnv, defaultPort = 0): EmulatorOptions {
  return {
    port: intVar(env, 'EMULATOR_PORT') ?? defaultPort,
    host: env.EMULATOR_HOST || undefined,
    projectId: env.EMULATOR_PROJECT_ID || undefined,
    managementKey: env.EMULATOR_MANAGEMENT_KEY || undefined,
    sessionTtlSeconds: intVar(env, 'EMULATOR_SESSION_TTL'),
    refreshTtlSeconds: intVar(env, 'EMULATOR_REFRESH_TTL'),
    rotateRefreshTokens: env.EMULATOR_ROTATE_REFRESH === 'true',
    refreshReuse: refreshReuse(env.EMULATOR_REFRESH_REUSE),
    lockoutAttempts: intVar(env, 'EMULATOR_LOCKOUT_ATTEMPTS'),
    passwordMaxAgeDays: intVar(env, 'EMULATOR_PASSWORD_MAX_AGE_DAYS'),
    maskErrors: env.EMULATOR_MASK_ERRORS === 'true',
    ipRateLimit: intVar(env, 'EMULATOR_IP_RATE_LIMIT'),
    signingAlg: signingAlg(env.EMULATOR_SIGNING_ALG),
    defaultRedirectUrl: env.EMULATOR_RESET_URL || undefined,
    dataDir: env.EMULATOR_DATA_DIR || undefined,
    adminRemote: env.EMULATOR_ADMIN_REMOTE === 'true',
  };
}
