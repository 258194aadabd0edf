import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { EnvironmentVariables } from '../config/env.validation';
import { ProblemCode } from '../problems/problem-codes';
import { problemOf } from '../problems/problem-of';
import { ProblemError } from '../problems/problem.error';
import { isSecretFailure } from './secret-failure';

/** The one answer a route gives for every failure of the secret it checks. */
export interface AccountFailure {
  code: Extract<ProblemCode, 'invalid_credentials' | 'invalid_code'>;
  detail: string;
}

const HIDES_ACCOUNTS = 'hides-accounts';

/**
 * On a route that must not reveal which accounts exist: a wrong secret, an unknown user and
 * Descope's lock-out of a code (E061103) all answer `failure`, one identical body, no sooner
 * than AUTH_FAILURE_MIN_MS after the request arrived (so neither body nor timing depends on
 * the account); every other problem loses its `descopeCode`.
 */
@Injectable()
export class HideAccountsInterceptor implements NestInterceptor {
  private readonly floorMs: number;

  constructor(
    private readonly reflector: Reflector,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.floorMs = config.get('AUTH_FAILURE_MIN_MS', { infer: true });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const failure = this.reflector.get<AccountFailure | undefined>(
      HIDES_ACCOUNTS,
      context.getHandler(),
    );
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.hide(error, failure, reply)).pipe(
            mergeMap((hidden) => throwError(() => hidden)),
          ),
        ),
      );
  }

  private async hide(error: unknown, failure: AccountFailure | undefined, reply: FastifyReply) {
    const problem = problemOf(error);
    if (!problem) return error;
    if (failure && isSecretFailure(error)) {
      await sleep(Math.max(0, this.floorMs - reply.elapsedTime));
      // The cause stays for the audit log (a locked account is `locked` there), never the answer.
      return Object.assign(new ProblemError(failure.code, failure.detail), { cause: error });
    }
    const { descopeCode: _hidden, ...extras } = problem.extras;
    // The cause stays for the 5xx log line (the upstream error's class and stack).
    return Object.assign(new ProblemError(problem.code, problem.detail, extras), { cause: error });
  }
}

/**
 * The route must not reveal whether an account exists: see `HideAccountsInterceptor`. Routes
 * that check a secret name their one failure answer; the others (sends) only hide Descope's code.
 */
export const HidesAccounts = (failure?: AccountFailure) =>
  applyDecorators(SetMetadata(HIDES_ACCOUNTS, failure), UseInterceptors(HideAccountsInterceptor));
