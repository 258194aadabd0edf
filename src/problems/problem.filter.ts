import { DescopeUnexpectedError } from '@app/descope';
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_TITLE } from './problem-codes';
import { problemOf } from './problem-of';
import { ProblemError } from './problem.error';

const DEFAULT_RETRY_AFTER_SECONDS = 60;

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
    const problem = problemOf(exception);
    if (problem) return problem;
    const original = exception instanceof DescopeUnexpectedError ? exception.original : exception;
    return this.unexpected(original, requestId);
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
