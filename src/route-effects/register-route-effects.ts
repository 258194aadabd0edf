import type { FastifyInstance } from 'fastify';
import { effectsOf, Resolve, RouteEffect, RouteHook, RoutePhase } from './route-effect';

type HookFor = (option: unknown) => RouteHook<RoutePhase>;

/**
 * Installs the effects of every route registered from now on: each effect a route's config
 * declares becomes a route-level hook of its phase on that route, and on no other. An effect is
 * set up once per app, when a route first declares it, with `resolve`.
 */
export function registerRouteEffects(fastify: FastifyInstance, resolve: Resolve): void {
  const setUp = new Map<RouteEffect<unknown>, HookFor>();
  fastify.addHook('onRoute', (route) => {
    for (const [effect, option] of effectsOf(route.config)) {
      let hookFor = setUp.get(effect);
      if (!hookFor) setUp.set(effect, (hookFor = effect.setup(resolve)));
      const hooks = route as unknown as Record<RoutePhase, unknown>;
      hooks[effect.phase] = [hooks[effect.phase] ?? [], hookFor(option)].flat();
    }
  });
}
