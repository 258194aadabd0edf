import { EmulatorOptions } from '@app/descope-emulator';
import { EnvironmentVariables } from './env.validation';

/**
 * The embedded emulator's options from the `EMULATOR_*` variables. Reset links point at the
 * frontend's reset page (`EMULATOR_RESET_URL`); by default at this service's own origin, so the
 * link at least names the right host and port while no frontend exists.
 */
export function embeddedEmulatorOptions(config: EnvironmentVariables): EmulatorOptions {
  const origin = config.PUBLIC_ORIGIN ?? `http://localhost:${config.PORT}`;
  return {
    port: config.EMULATOR_PORT ?? 0,
    host: config.EMULATOR_HOST ?? '127.0.0.1',
    projectId: config.EMULATOR_PROJECT_ID,
    managementKey: config.EMULATOR_MANAGEMENT_KEY,
    sessionTtlSeconds: config.EMULATOR_SESSION_TTL,
    refreshTtlSeconds: config.EMULATOR_REFRESH_TTL,
    rotateRefreshTokens: config.EMULATOR_ROTATE_REFRESH,
    refreshReuse: config.EMULATOR_REFRESH_REUSE,
    lockoutAttempts: config.EMULATOR_LOCKOUT_ATTEMPTS,
    passwordMaxAgeDays: config.EMULATOR_PASSWORD_MAX_AGE_DAYS,
    maskErrors: config.EMULATOR_MASK_ERRORS,
    ipRateLimit: config.EMULATOR_IP_RATE_LIMIT,
    signingAlg: config.EMULATOR_SIGNING_ALG,
    defaultRedirectUrl: config.EMULATOR_RESET_URL ?? `${origin}/reset-password`,
    dataDir: config.EMULATOR_DATA_DIR,
  };
}
