import { EmulatorOptions } from './emulator-options';

/** Reads a non-negative integer variable, failing loudly on anything else. */
function intVar(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer`);
  return value;
}

/**
 * Emulator options from `EMULATOR_*` variables: `EMULATOR_PORT` (default 4500 when run alone),
 * `EMULATOR_HOST`, `EMULATOR_PROJECT_ID`, `EMULATOR_MANAGEMENT_KEY`, `EMULATOR_SESSION_TTL`,
 * `EMULATOR_REFRESH_TTL` (seconds), `EMULATOR_ROTATE_REFRESH` (`true`/`false`),
 * `EMULATOR_LOCKOUT_ATTEMPTS` and `EMULATOR_IP_RATE_LIMIT` (0: off).
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
    lockoutAttempts: intVar(env, 'EMULATOR_LOCKOUT_ATTEMPTS'),
    ipRateLimit: intVar(env, 'EMULATOR_IP_RATE_LIMIT'),
  };
}
