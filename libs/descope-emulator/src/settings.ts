import { EmulatorContext } from './context';
import { EmulatorErrors } from './errors';

/** The options the UI can change while the emulator runs; each takes effect on the next request. */
export interface RuntimeSettings {
  sessionTtlSeconds: number;
  refreshTtlSeconds: number;
  rotateRefreshTokens: boolean;
  /** Failed password sign-ins per login id before lock-out (0: off). */
  lockoutAttempts: number;
  /** Requests per minute per client IP before 429 (0: off). */
  ipRateLimit: number;
}

const NUMBERS = [
  'sessionTtlSeconds',
  'refreshTtlSeconds',
  'lockoutAttempts',
  'ipRateLimit',
] as const;
const TEN_YEARS = 10 * 365 * 24 * 3600;
/** Each setting's range: lifetimes past ten years would put dates no JWT reader can hold. */
const RANGE: Record<(typeof NUMBERS)[number], [number, number]> = {
  sessionTtlSeconds: [1, TEN_YEARS],
  refreshTtlSeconds: [1, TEN_YEARS],
  lockoutAttempts: [0, 1_000_000],
  ipRateLimit: [0, 1_000_000],
};

export function readSettings({ options }: EmulatorContext): RuntimeSettings {
  const { sessionTtlSeconds, refreshTtlSeconds, rotateRefreshTokens } = options;
  const { lockoutAttempts, ipRateLimit } = options;
  return {
    sessionTtlSeconds,
    refreshTtlSeconds,
    rotateRefreshTokens,
    lockoutAttempts,
    ipRateLimit,
  };
}

/**
 * Applies the settings present in `body`, all or none: every value is checked before any is
 * set. Tokens already issued keep their lifetimes; the lock-out and rate-limit windows take the
 * new limit at once. Not kept in a saved state: a restart takes the start-up options again.
 */
export function writeSettings(body: Record<string, unknown>, context: EmulatorContext): void {
  const unknown = Object.keys(body).find((key) => !Object.hasOwn(readSettings(context), key));
  if (unknown) throw EmulatorErrors.invalidRequest('Unknown setting in the body');
  for (const name of NUMBERS) {
    const value = body[name];
    if (value === undefined) continue;
    const [min, max] = RANGE[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw EmulatorErrors.invalidRequest(`"${name}" must be a whole number from ${min} to ${max}`);
    }
  }
  const rotate = body.rotateRefreshTokens;
  if (rotate !== undefined && typeof rotate !== 'boolean') {
    throw EmulatorErrors.invalidRequest('"rotateRefreshTokens" must be a boolean');
  }
  Object.assign(context.options, body as Partial<RuntimeSettings>);
  context.signInFailures.max = context.options.lockoutAttempts;
  context.requestsPerIp.max = context.options.ipRateLimit;
}
