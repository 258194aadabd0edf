import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';

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
    const config = { ...handlerConfigOf(handler), ...entries };
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, config, handler);
  };

/** The route config a handler's decorators set (empty when none did). */
export const handlerConfigOf = (handler: object): Record<string, unknown> =>
  (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as
    Record<string, unknown> | undefined) ?? {};

/** The route config of the request's route (empty for an unmatched request). */
export const routeConfigOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.routeOptions.config as unknown as Record<string, unknown> | undefined) ?? {};

type RouteHook = 'onSend' | 'preSerialization';

/**
 * Adds `hook` as a route-level `name` hook to every route registered from now on whose config
 * has `key` (Nest registers its routes at `init`, after `configureApp`), so that no other route,
 * the session hot path included, runs it or reads its config.
 */
export function hookRoutesWith<Name extends RouteHook>(
  fastify: FastifyInstance,
  key: string,
  name: Name,
  hook: Exclude<NonNullable<RouteOptions[Name]>, unknown[]>,
): void {
  fastify.addHook('onRoute', (route) => {
    if ((route.config as Record<string, unknown> | undefined)?.[key] === undefined) return;
    const existing = route[name] as unknown;
    (route as unknown as Record<string, unknown>)[name] = [existing ?? [], hook].flat();
  });
}
