import { AuthTokenError, KeysNotReadyError } from '@app/auth';
import { DescopeError, DescopeUnexpectedError } from '@app/descope';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemFromDescope } from './descope-problem';
import { PROBLEM_TITLE, ProblemCode } from './problem-codes';
import { ProblemError } from './problem.error';

const DEFAULT_RETRY_AFTER_SECONDS = 60;

const TOKEN_CODES: Record<AuthTokenError['reason'], ProblemCode> = {
  missing: 'token_missing',
  invalid: 'token_invalid',
  expired: 'token_expired',
};

/** Fixed texts for framework errors: their own messages can quote the request body. */
function fromHttpException(exception: HttpException): ProblemError {
  const status = exception.getStatus();
  if (status === 404 || status === 405) return new ProblemError('not_found', 'No such route');
  if (status === 408)
    return new ProblemError('request_timeout', 'The request did not arrive in time');
  if (status === 413) return new ProblemError('payload_too_large', 'The request body is too large');
  if (status === 431)
    return new ProblemError('headers_too_large', 'The request headers are too large');
  if (status === 415) {
    return new ProblemError('unsupported_media_type', 'Send the body as application/json');
  }
  if (status === 403) return new ProblemError('forbidden', exception.message);
  if (status === 401) return new ProblemError('token_invalid', 'The token is not valid');
  if (status === 429) return new ProblemError('rate_limited', 'Too many requests; retry later');
  if (status === 503) return new ProblemError('not_ready', exception.message);
  if (status < 500) {
    return new ProblemError(
      'invalid_request',
      'The request body is not valid JSON or is malformed',
    );
  }
  return new ProblemError('internal_error', 'Something went wrong on our side');
}

/**
 * The one place errors become HTTP answers: RFC 9457 problem+json with the codes of
 * docs/api.md. No stack, token or upstream text ever goes out.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request.id);
    const { errors, descopeCode } = problem.extras;
    // Every 429 says when to come back, even when Descope did not.
    const retryAfter =
      problem.extras.retryAfter ??
      (problem.status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
    if (retryAfter) void reply.header('retry-after', String(retryAfter));
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .header('x-request-id', request.id)
      .send({
        type: `urn:problem:${problem.code}`,
        title: PROBLEM_TITLE[problem.code],
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        requestId: request.id,
        ...(retryAfter ? { retryAfter } : {}),
        ...(errors ? { errors } : {}),
        ...(descopeCode ? { descopeCode } : {}),
      });
  }

  private toProblem(exception: unknown, requestId: string): ProblemError {
    if (exception instanceof ProblemError) return exception;
    if (exception instanceof KeysNotReadyError) {
      return new ProblemError('not_ready', exception.message, {
        retryAfter: exception.retryAfterSeconds,
      });
    }
    if (exception instanceof AuthTokenError) {
      return new ProblemError(TOKEN_CODES[exception.reason], exception.detail);
    }
    if (exception instanceof DescopeUnexpectedError) {
      return this.unexpected(exception.original, requestId);
    }
    if (exception instanceof DescopeError) return problemFromDescope(exception);
    if (exception instanceof HttpException) return fromHttpException(exception);
    return this.unexpected(exception, requestId);
  }

  /** A bug: logged with its stack (never a request body), answered 500 with the request id only. */
  private unexpected(exception: unknown, requestId: string): ProblemError {
    const error = exception instanceof Error ? exception : new Error('non-error thrown');
    this.logger.error(`Unexpected ${error.name} (request ${requestId})`, error.stack);
    return new ProblemError(
      'internal_error',
      `Something went wrong on our side (request ${requestId})`,
    );
  }
}
