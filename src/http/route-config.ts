import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyRequest } from 'fastify';

/**
 * Adds keys to a route's Fastify config (`request.routeOptions.config`), keeping those that other
 * decorators set (Nest's own `RouteConfig` replaces the whole config, so `@Audited` and
 * `@IssuesTokens` on one route would lose one another's keys). Behaviour keyed on the route
 * config runs in Fastify hooks or the problem filter, not in Nest interceptors: a route with any
 * interceptor pays for Nest's rxjs pipeline, about a seventh of a sign-in's CPU time.
 */
export const WithRouteConfig =
  (entries: Record<string, unknown>): MethodDecorator =>
  (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const current = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...current, ...entries }, handler);
  };

/** The route config of the request's route (empty for an unmatched request). */
export const routeConfigOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.routeOptions.config as unknown as Record<string, unknown> | undefined) ?? {};
