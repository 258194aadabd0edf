import { applyDecorators } from '@nestjs/common';
import { contextOf } from '../http/request-context';
import { ApiProblems } from '../problems/api-problems.decorator';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { TokenCookies } from '../tokens/token-cookies';
import { routeEffect } from './route-effect';

/**
 * Delivers a success answer's AuthResponse as TOKEN_DELIVERY says (body, cookies, or both) and
 * notes its user for the audit event, before it is serialized; a problem answer passes untouched.
 */
const tokenDelivery = routeEffect<void, 'preSerialization'>('preSerialization', (resolve) => {
  const cookies = resolve(TokenCookies);
  return () => (request, reply, payload, done) => {
    if (reply.statusCode >= 300) return done(null, payload);
    const response = payload as AuthResponseDto;
    contextOf(request).userId = response.user?.userId;
    done(null, cookies.deliver(reply, response));
  };
});

/**
 * The route answers an AuthResponse, delivered as TOKEN_DELIVERY says. The tokens are verified
 * first, so the route can answer 503 before the keys load.
 */
export const IssuesTokens = () =>
  applyDecorators(tokenDelivery.on(undefined), ApiProblems('not_ready'));
