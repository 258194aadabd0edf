import { DescopeUnexpectedError } from '@app/descope';
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EnvironmentVariables } from '../config/env.validation';
import { hideAccounts, hidingOf } from '../policies/hide-accounts';
import { classifyFailure } from '../problems/classify-failure';
import { PROBLEM_TITLE } from '../problems/problem-codes';
import { ProblemError } from '../problems/problem.error';
import { contextOf } from './request-context';

const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** The error behind a wrapper: the SDK's unexpected failure, or what a hidden answer replaced. */
function rootOf(exception: unknown): unknown {
  if (exception instanceof DescopeUnexpectedError) return exception.original;
  if (exception instanceof ProblemError && exception.cause !== undefined) return exception.cause;
  return exception;
}

/**
 * The one place errors become HTTP answers: RFC 9457 problem+json with the codes of
 * docs/api.md. No stack, token or upstream text ever goes out. On a `@HidesAccounts` route the
 * error is first replaced as `hideAccounts` says (after the floor, for a failed secret).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly floorMs: number;

  constructor(config: ConfigService<EnvironmentVariables, true>) {
    this.floorMs = config.get('AUTH_FAILURE_MIN_MS', { infer: true });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const hiding = hidingOf(request);
    if (!hiding) return this.answer(exception, request, reply);
    // Nest leaves the reply to the filter: it is sent once the floor has passed. Should that
    // fail, the answer is a 500, never the unhidden error; should answering fail, the socket closes.
    void hideAccounts(exception, hiding.failure, reply, this.floorMs)
      .then((hidden) => this.answer(hidden, request, reply))
      .catch(() => {
        try {
          this.answer(this.unexpected(request.id), request, reply);
        } catch {
          reply.raw.destroy();
        }
      });
  }

  private answer(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const problem = this.toProblem(exception, request.id);
    // The request's log line and audit event read the error behind a hidden answer.
    contextOf(request).failure = classifyFailure(rootOf(exception));
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
    const failure = classifyFailure(exception);
    return failure.unexpected ? this.unexpected(requestId) : failure.problem;
  }

  /** A bug: answered 500 with the request id only (its log line has the class and stack). */
  private unexpected(requestId: string): ProblemError {
    return new ProblemError(
      'internal_error',
      `Something went wrong on our side (request ${requestId})`,
    );
  }
}
