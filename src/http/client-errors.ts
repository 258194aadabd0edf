import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_STATUS, PROBLEM_TITLE, ProblemCode } from '../problems/problem-codes';

const DETAIL: Partial<Record<ProblemCode, string>> = {
  request_timeout: 'The request headers or body did not arrive in time',
  headers_too_large: 'The request headers are too large',
  invalid_request: 'The request is not valid HTTP',
};

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
    const body = JSON.stringify({
      type: `urn:problem:${code}`,
      title: PROBLEM_TITLE[code],
      status,
      detail: DETAIL[code],
      code,
      requestId,
    });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\n` +
        `connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
