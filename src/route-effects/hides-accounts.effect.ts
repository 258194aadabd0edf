import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { contextOf } from '../http/request-context';
import { ProblemBody, problemBody } from '../problems/problem-body';
import { ProblemCode } from '../problems/problem-codes';
import { ProblemError } from '../problems/problem.error';
import { routeEffect } from './route-effect';

/** The one answer a route gives for every failure of the secret it checks. */
export interface AccountFailure {
  code: Extract<ProblemCode, 'invalid_credentials' | 'invalid_code'>;
  detail: string;
}

/**
 * Rewrites a problem answer (a success passes straight through) so it does not tell whether an
 * account exists: a failed secret (a wrong secret, an unknown user, a code Descope locked: see
 * `classifyFailure`) answers the route's `failure`, one identical body sent no sooner than
 * AUTH_FAILURE_MIN_MS after the request arrived, so neither body nor timing depends on the
 * account; every other problem loses its `descopeCode`. The request's context keeps the original
 * failure for the audit event and the log line.
 */
const accountHiding = routeEffect<AccountFailure | undefined, 'preSerialization'>(
  'preSerialization',
  (resolve) => {
    const config = resolve(ConfigService<EnvironmentVariables, true>);
    const floorMs = config.get('AUTH_FAILURE_MIN_MS', { infer: true });
    return (failure) => (request, reply, payload, done) => {
      if (reply.statusCode < 400) return done(null, payload);
      const context = contextOf(request);
      if (failure && context.failure?.failedSecret) {
        context.accountHidden = true;
        const hidden = new ProblemError(failure.code, failure.detail);
        void reply.status(hidden.status).removeHeader('retry-after');
        const wait = Math.max(0, floorMs - reply.elapsedTime);
        setTimeout(done, wait, null, problemBody(hidden, request.id));
        return;
      }
      const { descopeCode: _hidden, ...shown } = payload as ProblemBody;
      done(null, shown);
    };
  },
);

/**
 * The route must not reveal whether an account exists. Routes that check a secret name their one
 * failure answer (see account-failures.ts); the others (sends) only hide Descope's code.
 */
export const HidesAccounts = (failure?: AccountFailure) => accountHiding.on(failure);
