import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';
import { EnvironmentVariables } from '../config/env.validation';
import { ErrorSummary, summarize } from './error-summary';
import { REDACTED_PATHS } from './redaction';
import { requestIdFor } from './request-id';

/** What configureApp and the problem filter leave on the raw request for its log line. */
export type LoggedRequest = IncomingMessage & {
  id?: string;
  routePattern?: string;
  startedAt?: number;
  error?: ErrorSummary;
};

/** The status a line reports: 499 (nginx's "client closed request") when nothing was sent. */
const statusOf = (res: ServerResponse) => (res.headersSent ? res.statusCode : 499);

/** The path as the client sent it (middleware mounting may rewrite `url`). */
const pathOf = (req: IncomingMessage) =>
  ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];

const routeOf = (req: IncomingMessage) => (req as LoggedRequest).routePattern ?? 'unmatched';

/** Probes and scrapes would drown the log: their successes are not logged. */
const QUIET = /^\/(health\/|metrics$)/;
const quietSuccess = (req: IncomingMessage, res: ServerResponse) =>
  QUIET.test(pathOf(req)) && res.statusCode < 400 && res.headersSent;

/** Pretty lines when asked for, or on a terminal outside production; JSON otherwise. */
export const wantsPretty = (config: EnvironmentVariables): boolean =>
  config.LOG_FORMAT === 'pretty' ||
  (config.LOG_FORMAT === undefined && config.NODE_ENV !== 'production' && process.stdout.isTTY);

/**
 * pino-http's options: one line per request (request id, method, route pattern, status, ms), no
 * headers, bodies or query strings; a 5xx line carries the error's class and a short stack.
 * Every other line logged during a request carries its `requestId`.
 */
export function pinoHttpOptions(config: EnvironmentVariables, pretty: boolean): Options {
  const line = (req: IncomingMessage, res: ServerResponse, ms: unknown) => ({
    method: req.method,
    route: routeOf(req),
    status: statusOf(res),
    ms,
    ...(res.headersSent ? {} : { aborted: true }),
  });
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: stdTimeFunctions.isoTime,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
      : { formatters: { level: (label: string) => ({ level: label }) } }),
    genReqId: (req) => (req as LoggedRequest).id ?? requestIdFor(req),
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    customLogLevel: (req, res, error) =>
      quietSuccess(req, res) ? 'silent' : error || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessObject: (req, res, value: { ms?: unknown }) => line(req, res, value.ms),
    customErrorObject: (req, res, error, value: { ms?: unknown }) => ({
      ...line(req, res, value.ms),
      // Not `err`: pino's error serializer would rewrite the summary.
      error: (req as LoggedRequest).error ?? summarize(error),
    }),
    customSuccessMessage: (req, res) => `${req.method} ${routeOf(req)} ${statusOf(res)}`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req)} ${statusOf(res)}`,
  };
}
