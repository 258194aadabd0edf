import type { Options } from 'pino-http';
import { EnvironmentVariables } from '../config/env.validation';
import { activeContext } from '../http/request-context';
import { isoTimeOncePerMs } from './log-time';
import { REDACTED_PATHS, redactDeep } from './redaction';

/** pino's mixin: the running request's id, on every line logged while it runs. */
const requestIdMixin = (): { requestId?: string } => {
  const context = activeContext.getStore();
  return context ? { requestId: context.requestId } : {};
};

/** Pretty lines when asked for, or on a terminal outside production; JSON otherwise. */
export const wantsPretty = (config: EnvironmentVariables): boolean =>
  config.LOG_FORMAT === 'pretty' ||
  (config.LOG_FORMAT === undefined && config.NODE_ENV !== 'production' && process.stdout.isTTY);

/**
 * The one pino logger of the app (through nestjs-pino): level, redaction, timestamps, and the
 * running request's id on every line. Request lines are written by request-logging.ts.
 */
export function pinoOptions(config: EnvironmentVariables, pretty: boolean): Options {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: isoTimeOncePerMs,
    mixin: requestIdMixin,
    ...(pretty
      ? {
          transport: { target: 'pino-pretty', options: { singleLine: true } },
          formatters: { log: redactDeep },
        }
      : { formatters: { level: (label: string) => ({ level: label }), log: redactDeep } }),
  };
}
