import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { METHODS, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problemBody } from '../problems/problem-body';
import { PROBLEM_STATUS, ProblemCode } from '../problems/problem-codes';
import { ProblemError } from '../problems/problem.error';
import { FrameworkRefusals } from './framework-refusals';

const DETAIL: Partial<Record<ProblemCode, string>> = {
  request_timeout: 'The request headers or body did not arrive in time',
  headers_too_large: 'The request headers are too large',
  invalid_request: 'The request is not valid HTTP',
};

/** A problem+json body, as ProblemFilter writes them, for errors that never reach Nest. */
const bodyOf = (code: ProblemCode, detail: string, requestId: string): string =>
  JSON.stringify(problemBody(new ProblemError(code, detail), requestId));

/** The problem for an error Node reports before the request reaches Fastify's routing. */
function codeOf(error: NodeJS.ErrnoException): ProblemCode {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout';
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'headers_too_large';
  return 'invalid_request';
}

/** Methods Node knows: a metric label takes only these, never a client's made-up word. */
const KNOWN_METHODS = new Set(METHODS);

/** The request line's method, when the bytes read so far hold a known one. */
function methodOf(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): string | undefined {
  const head = error.rawPacket?.subarray(0, 16).toString('latin1');
  const method = head ? /^([A-Z-]{3,16}) /.exec(head)?.[1] : undefined;
  return method && KNOWN_METHODS.has(method) ? method : undefined;
}

/**
 * Fastify's `clientErrorHandler`: answers a slow, oversized or malformed request as problem+json
 * like every other error (Fastify's default writes its own JSON shape), then closes the socket,
 * and reports it (a log line and a count, as FrameworkRefusals binds). Nothing is written once a
 * response has started on the socket; a client that reset the connection is reported as 499.
 */
export function problemClientErrorHandler(refusals: FrameworkRefusals) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    const ip = socket.remoteAddress;
    const requestId = randomUUID();
    if (error.code === 'ECONNRESET' || socket.destroyed) {
      // Only a request cut off half-way (see FrameworkRefusals.midRequest).
      if (refusals.midRequest(socket)) {
        refusals.report({ requestId, status: 499, reason: 'connection_reset', ip });
      }
      socket.destroy();
      return;
    }
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      const code = codeOf(error);
      const status = PROBLEM_STATUS[code];
      const body = bodyOf(code, DETAIL[code]!, requestId);
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\n` +
          `cache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
      );
      refusals.report({ requestId, method: methodOf(error), status, reason: code, ip });
    }
    socket.destroy(error);
  };
}

/**
 * Fastify's `frameworkErrors`: a URL that does not decode, an over-long path parameter. Answered
 * as problem+json without quoting the URL (Fastify's default echoes it, query string included),
 * and reported: no route hook runs for these requests.
 */
export function problemFrameworkErrors(refusals: FrameworkRefusals) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const reason = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'param_too_long' : 'bad_url';
    void reply
      .status(400)
      .header('content-type', 'application/problem+json')
      .header('x-request-id', request.id)
      .header('cache-control', 'no-store')
      .send(bodyOf('invalid_request', 'The request URL is not valid', request.id));
    const { id: requestId, method, ip } = request;
    refusals.report({ requestId, method, status: 400, reason, ip });
  };
}
