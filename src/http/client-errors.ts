import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problemBody } from '../problems/problem-body';
import { PROBLEM_STATUS, ProblemCode } from '../problems/problem-codes';
import { ProblemError } from '../problems/problem.error';

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

/**
 * Fastify's `clientErrorHandler`: answers a slow, oversized or malformed request as problem+json
 * like every other error (Fastify's default writes its own JSON shape), then closes the socket.
 * Nothing is written once a response has started on the socket.
 */
export function problemClientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const code = codeOf(error);
    const status = PROBLEM_STATUS[code];
    const requestId = randomUUID();
    const body = bodyOf(code, DETAIL[code]!, requestId);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\n` +
        `cache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Fastify's `frameworkErrors`: a URL that does not decode, an over-long path parameter. Answered
 * as problem+json without quoting the URL (Fastify's default echoes it, query string included).
 */
export function problemFrameworkErrors(
  _error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void reply
    .status(400)
    .header('content-type', 'application/problem+json')
    .header('x-request-id', request.id)
    .header('cache-control', 'no-store')
    .send(bodyOf('invalid_request', 'The request URL is not valid', request.id));
}
