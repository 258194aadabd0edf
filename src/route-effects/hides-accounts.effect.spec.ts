import 'reflect-metadata';
import { DescopeApiError, DescopeErrorCodes as E, DescopeTimeoutError } from '@app/descope';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import Fastify, { FastifyInstance } from 'fastify';
import { contextOf } from '../http/request-context';
import { classifyFailure } from '../problems/classify-failure';
import { problemBody } from '../problems/problem-body';
import { WRONG_PASSWORD } from './account-failures';
import { AccountFailure, HidesAccounts } from './hides-accounts.effect';
import { registerRouteEffects } from './register-route-effects';
import { Resolve } from './route-effect';

const FLOOR_MS = 60;

/** The route config `@HidesAccounts(failure)` writes. */
function hidingConfig(failure?: AccountFailure): object {
  const handler = () => undefined;
  HidesAccounts(failure)({}, 'handler', { value: handler });
  return Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler);
}

/** Answers `error` as ProblemFilter does: classified onto the context, then its body. */
function app(error: unknown, failure?: AccountFailure): FastifyInstance {
  const fastify = Fastify();
  const config = { get: () => FLOOR_MS };
  registerRouteEffects(fastify, (() => config) as unknown as Resolve);
  fastify.post('/', { config: hidingConfig(failure) }, (request, reply) => {
    const found = (contextOf(request).failure = classifyFailure(error));
    const retryAfter = found.problem.status === 429 ? 60 : undefined;
    if (retryAfter) void reply.header('retry-after', String(retryAfter));
    return reply
      .status(found.problem.status)
      .send(problemBody(found.problem, request.id, retryAfter));
  });
  fastify.post('/ok', { config: hidingConfig(failure) }, () => ({ descopeCode: 'kept' }));
  return fastify;
}

async function answer(error: unknown, failure?: AccountFailure, url = '/') {
  const fastify = app(error, failure);
  const started = performance.now();
  const response = await fastify.inject({ method: 'POST', url });
  const ms = performance.now() - started;
  await fastify.close();
  const { requestId: _id, ...body } = response.json<Record<string, unknown>>();
  return { status: response.statusCode, body, headers: response.headers, ms };
}

const api = (code: string, status = 400) => new DescopeApiError(code, 'upstream', status);

describe('@HidesAccounts', () => {
  it('answers a wrong password, an unknown user and a locked code with one body, after the floor', async () => {
    const wrong = await answer(api(E.wrongPassword), WRONG_PASSWORD);
    const unknown = await answer(api(E.userNotFound), WRONG_PASSWORD);
    const locked = await answer(api(E.tooManyAttempts, 429), WRONG_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      code: 'invalid_credentials',
      detail: WRONG_PASSWORD.detail,
    });
    expect(unknown).toMatchObject({ status: 401, body: wrong.body });
    expect(locked).toMatchObject({ status: 401, body: wrong.body });
    expect(locked.headers['retry-after']).toBeUndefined();
    for (const { ms } of [wrong, unknown, locked]) expect(ms).toBeGreaterThanOrEqual(FLOOR_MS - 5);
  });

  it("takes Descope's code off every other problem", async () => {
    const taken = await answer(api(E.userExists), WRONG_PASSWORD);
    expect(taken).toMatchObject({ status: 409, body: { code: 'user_exists' } });
    expect(taken.body).not.toHaveProperty('descopeCode');
    const outage = await answer(new DescopeTimeoutError(5000), WRONG_PASSWORD);
    expect(outage).toMatchObject({ status: 504, body: { code: 'upstream_timeout' } });
    // Descope's own rate limit is not the user's doing: it keeps its 429 and when to come back.
    const limited = await answer(api(E.rateLimited, 429), WRONG_PASSWORD);
    expect(limited).toMatchObject({ status: 429, body: { code: 'rate_limited', retryAfter: 60 } });
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.body).not.toHaveProperty('descopeCode');
  });

  it('only hides the code where the route names no failure answer (sends)', async () => {
    const wrong = await answer(api(E.wrongCode));
    expect(wrong).toMatchObject({ status: 401, body: { code: 'invalid_code' } });
    expect(wrong.body).not.toHaveProperty('descopeCode');
  });

  it('leaves a success as it is', async () => {
    const ok = await answer(undefined, WRONG_PASSWORD, '/ok');
    expect(ok).toMatchObject({ status: 200, body: { descopeCode: 'kept' } });
  });
});
