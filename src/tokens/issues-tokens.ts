import { applyDecorators } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { contextOf } from '../http/request-context';
import { handlerConfigOf, hookRoutesWith, WithRouteConfig } from '../http/route-config';
import { ApiProblems } from '../problems/api-problems.decorator';
import { AuthResponseDto } from './dto/auth-response.dto';
import { TokenCookies } from './token-cookies';

const ISSUES_TOKENS = 'issuesTokens';

/** The Fastify instances that deliver tokens (see `TokenDeliveryCheck`). */
const delivering = new WeakSet<FastifyInstance>();

/** Whether `registerTokenDelivery` ran on this Fastify instance. */
export const deliversTokens = (fastify: FastifyInstance): boolean => delivering.has(fastify);

/** Whether a route handler is marked `@IssuesTokens()`. */
export const issuesTokens = (handler: object): boolean =>
  handlerConfigOf(handler)[ISSUES_TOKENS] === true;

/**
 * The route answers an AuthResponse: deliver its tokens as configured (see
 * `registerTokenDelivery`). The tokens are verified first, so the route can answer 503 before
 * the keys load.
 */
export const IssuesTokens = () =>
  applyDecorators(WithRouteConfig({ [ISSUES_TOKENS]: true }), ApiProblems('not_ready'));

/**
 * Delivers the AuthResponse of an `@IssuesTokens()` route as TOKEN_DELIVERY says (body, cookies,
 * or both) and notes its user for the audit line. A Fastify preSerialization hook rather than a
 * Nest interceptor (see `WithRouteConfig`): it sees the success answer's object before it is
 * written; a problem answer (3xx and up) passes untouched. Only those routes run it. Call it
 * before `app.init()`: `TokenDeliveryCheck` refuses to start an app whose token routes lack it.
 */
export function registerTokenDelivery(fastify: FastifyInstance, cookies: TokenCookies): void {
  delivering.add(fastify);
  hookRoutesWith(fastify, ISSUES_TOKENS, 'preSerialization', (request, reply, payload, done) => {
    if (reply.statusCode >= 300) return done(null, payload);
    const response = payload as AuthResponseDto;
    contextOf(request).userId = response.user?.userId;
    done(null, cookies.deliver(reply, response));
  });
}
