import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { classifyFailure } from '../problems/classify-failure';
import { problemBody } from '../problems/problem-body';
import { ProblemError } from '../problems/problem.error';
import { contextOf } from './request-context';

const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * The one place errors that reach Nest become HTTP answers: RFC 9457 problem+json with the codes
 * of docs/api.md; no stack, token or upstream text ever goes out. The error is classified once
 * (`classifyFailure`) and kept on the request's context, where its log line, its audit event and
 * the route effects (account hiding, which may still replace the body) read it.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const failure = classifyFailure(exception);
    contextOf(request).failure = failure;
    // A bug is answered with the request id only (its log line has the class and stack).
    const problem = failure.unexpected
      ? new ProblemError('internal_error', `${failure.problem.detail} (request ${request.id})`)
      : failure.problem;
    // Every 429 says when to come back, even when Descope did not.
    const retryAfter =
      problem.extras.retryAfter ??
      (problem.status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
    if (retryAfter) void reply.header('retry-after', String(retryAfter));
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .header('x-request-id', request.id)
      .send(problemBody(problem, request.id, retryAfter));
  }
}
