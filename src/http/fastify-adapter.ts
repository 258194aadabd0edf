import { FastifyAdapter } from '@nestjs/platform-fastify';
import { EnvironmentVariables } from '../config/env.validation';
import { newRequestId } from './request-id';
import { problemClientErrorHandler, problemFrameworkErrors } from './client-errors';
import { FrameworkRefusals } from './framework-refusals';

/** Largest request body, bytes: auth requests are small. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Largest request head (request line and headers), bytes: Node's default. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Fastify's `trustProxy` for TRUST_PROXY: a hop count trusts that many proxies nearest to the
 * service (the entries they appended to X-Forwarded-For), never the client-written leftmost one.
 */
function proxyTrust(setting: EnvironmentVariables['TRUST_PROXY']) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return Array.isArray(setting) ? [...setting] : setting;
}

/**
 * The Fastify adapter with what must exist before the Nest container: body and header limits,
 * request ids, the proxy trust, and timeouts for slow clients. Node checks request and header
 * timeouts only every `connectionsCheckingInterval` (30 s by default), so that interval shrinks
 * with the timeout, which then fires within about half a timeout of its value.
 */
export function createAdapter(
  config: EnvironmentVariables,
  refusals: FrameworkRefusals,
): FastifyAdapter {
  const timeout = config.REQUEST_TIMEOUT_MS;
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: newRequestId,
    // Behind a proxy, the client IP (rate limits) comes from X-Forwarded-For only when trusted.
    trustProxy: proxyTrust(config.TRUST_PROXY),
    requestTimeout: timeout,
    http: {
      headersTimeout: timeout,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(timeout / 2)),
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    clientErrorHandler: problemClientErrorHandler(refusals),
    frameworkErrors: problemFrameworkErrors(refusals),
  });
}
