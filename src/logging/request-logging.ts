import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  activeContext,
  contextOf,
  decorateRequestContext,
  RequestContext,
} from '../http/request-context';
import { FrameworkRefusals } from '../http/framework-refusals';
import { adoptRequestId } from '../http/request-id';
import { summarize } from './error-summary';

/** Probes and scrapes would drown the log: their successes are not logged. */
const QUIET = /^\/(health\/|metrics$)/;

/**
 * Opens each request's context (see RequestContext), puts the request id on every answer
 * (`x-request-id`), and writes one line per request (request id, method, route pattern, status,
 * ms; a 5xx adds its error's class and a short stack), from Fastify's own hooks. No headers,
 * bodies or query strings. This replaces pino-http's middleware, which cost about a third of
 * the throughput of a short route (a middleware layer and a child logger per request); the
 * request id reaches every other line through the context. `answered` is called once per
 * request with its method, route pattern, status and time (metrics).
 */
export function registerRequestLogging(
  fastify: FastifyInstance,
  root: () => Logger,
  answered: (method: string, route: string | undefined, status: number, ms: number) => void,
  refusals?: FrameworkRefusals,
): void {
  // Request lines hold only the fields written below, never a secret: pino's path redaction,
  // which costs about a twentieth of a short request, is left to the lines logged by hand (the
  // any-depth walk, redactDeep, still runs: about 0.5 µs a line).
  let lines: Logger | undefined;
  const logger = () => (lines ??= root().child({}, { redact: { paths: [] } }));
  decorateRequestContext(fastify);
  // What the framework refused before routing (slow or oversized clients, bad URLs, resets):
  // the same line, route `unmatched`, with why and the peer's address.
  refusals?.bind(({ requestId, method = '-', status, reason, ip }) => {
    const line = { requestId, method, route: 'unmatched', status, ms: 0, reason, ip };
    logger().info(line, `${method} unmatched ${status} (${reason})`);
    answered(method, undefined, status, 0);
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const clientRequestId = adoptRequestId(request);
    const context = contextOf(request);
    context.clientRequestId = clientRequestId;
    // For callers to quote: every answer names its request.
    void reply.header('x-request-id', request.id);
    // A client that hangs up before its answer gets no onResponse: its line says 499.
    reply.raw.once('close', () => {
      if (reply.raw.writableFinished) return;
      const ms = performance.now() - context.startedAt;
      writeLine(logger(), request, context, 499, ms, true);
      answered(request.method, context.routePattern, 499, ms);
    });
    activeContext.run(context, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    refusals?.answered(request.raw.socket);
    const context = contextOf(request);
    writeLine(logger(), request, context, reply.statusCode, reply.elapsedTime);
    answered(request.method, context.routePattern, reply.statusCode, reply.elapsedTime);
    done();
  });
}

function writeLine(
  logger: Logger,
  request: FastifyRequest,
  { routePattern, failure, clientRequestId }: RequestContext,
  status: number,
  ms: number,
  aborted = false,
): void {
  if (status < 400 && QUIET.test(request.url.split('?')[0])) return;
  const route = routePattern ?? 'unmatched';
  const line = {
    requestId: request.id,
    ...(clientRequestId ? { clientRequestId } : {}),
    method: request.method,
    route,
    status,
    ms: Math.round(ms),
    ...(aborted ? { aborted } : {}),
    ...(status >= 500 && failure ? { error: summarize(failure.root) } : {}),
  };
  const message = `${request.method} ${route} ${status}`;
  if (status >= 500) logger.error(line, message);
  else logger.info(line, message);
}
