import { AuthTokenError, KeysNotReadyError } from '@app/auth';
import { DescopeError, DescopeUnexpectedError } from '@app/descope';
import { HttpException } from '@nestjs/common';
import { problemFromDescope } from './descope-problem';
import { ProblemCode } from './problem-codes';
import { ProblemError } from './problem.error';

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
 * An error Fastify marked as the client's (a body stream that broke off: the client hung up or
 * timed out), which is not an HttpException and must not be logged as a bug.
 */
const isClientFault = (error: unknown): error is { statusCode: number } => {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/**
 * The problem an error answers with, or `undefined` for a bug (anything the service did not
 * expect), which is answered 500 and logged. Read through `classifyFailure`, which runs it once
 * per error for every reader.
 */
export function problemOf(exception: unknown): ProblemError | undefined {
  if (exception instanceof ProblemError) return exception;
  if (exception instanceof KeysNotReadyError) {
    return new ProblemError('not_ready', exception.message, {
      retryAfter: exception.retryAfterSeconds,
    });
  }
  if (exception instanceof AuthTokenError) {
    return new ProblemError(TOKEN_CODES[exception.reason], exception.detail);
  }
  if (exception instanceof DescopeUnexpectedError) return undefined;
  if (exception instanceof DescopeError) return problemFromDescope(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isClientFault(exception))
    return fromHttpException(new HttpException('', exception.statusCode));
  return undefined;
}
