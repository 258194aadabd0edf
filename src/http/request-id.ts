import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';

/** An incoming `x-request-id` is considered only when it is a plain token a log can hold safely. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the service's own id for every request. */
export const newRequestId = (): string => randomUUID();

/**
 * The caller's `x-request-id`, when sane. It becomes the request's id (in the answer and every
 * line) only when it came through a trusted proxy: TRUST_PROXY trusts the peer, so Fastify took
 * the client address from X-Forwarded-For (a gateway's id then follows the request through).
 * From anyone else it is answered as `clientRequestId` for the log line only: a caller cannot
 * give two requests one id, or make its requests look like another's.
 */
export function adoptRequestId(request: FastifyRequest): string | undefined {
  const incoming = request.headers['x-request-id'];
  if (typeof incoming !== 'string' || !SANE_ID.test(incoming)) return undefined;
  if (request.ip === request.socket.remoteAddress) return incoming;
  (request as { id: string }).id = incoming;
  return undefined;
}
