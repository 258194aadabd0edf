import type { EnvironmentVariables } from './env.validation';
import { redisProblems, redisTopologyOf } from './redis-settings';

/** The start-up failure for bad configuration: one line per bad key. */
export class ConfigurationError extends Error {
  constructor(lines: string[]) {
    super(`Invalid configuration:\n${lines.map((line) => `- ${line}`).join('\n')}`);
  }
}

/** Rules that span keys; each broken one is a line of the error. */
export function crossKeyProblems(config: EnvironmentVariables): string[] {
  const problems: string[] = [];
  if (config.COOKIE_SAMESITE === 'none' && !config.COOKIE_SECURE) {
    problems.push(
      'COOKIE_SAMESITE: none needs COOKIE_SECURE=true (browsers drop such cookies otherwise)',
    );
  }
  if (config.NODE_ENV === 'production' && !config.DESCOPE_PROJECT_ID) {
    problems.push(
      'DESCOPE_PROJECT_ID: required when NODE_ENV=production (the embedded emulator only runs outside production)',
    );
  }
  if (
    (config.NODE_ENV === 'production' || redisTopologyOf(config)) &&
    !config.DEVICE_TOKEN_SECRET
  ) {
    problems.push(
      'DEVICE_TOKEN_SECRET: required when NODE_ENV=production or Redis is configured ' +
        '(every instance must recognise the same device tokens); at least 32 characters',
    );
  }
  const window = config.REFRESH_REUSE_WINDOW_MS;
  if (window > 0 && window < 250) {
    problems.push(
      'REFRESH_REUSE_WINDOW_MS: 0 (off) or at least 250: a shorter window makes tabs that ' +
        'refresh together look like a stolen refresh token',
    );
  }
  return [...problems, ...redisProblems(config)];
}
