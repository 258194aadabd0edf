/*
 * Route effects: what happens around a route's handler, declared by a decorator on it (token
 * delivery and clearing, the audit event, account hiding). Each is a Fastify route-level hook and
 * not a Nest interceptor: a route with any interceptor pays for Nest's rxjs pipeline, about a
 * seventh of a sign-in's CPU time (437 -> 374 µs per sign-in with cookies on, measured with
 * `npm run bench:ab -- <other checkout> signin 6`), and only the routes that name an effect run
 * its hook, so the session hot path runs none. A decorator puts its effect into the route's
 * Fastify config; `registerRouteEffects` makes the hooks from that config as Nest registers each
 * route, one way for every effect: there is no per-effect setup to forget. RouteEffectsModule
 * runs it, and the feature modules whose routes declare effects import that module.
 */
import type { Type } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { RouteOptions } from 'fastify';

/** The request phases an effect can run in. */
export type RoutePhase = 'onRequest' | 'preSerialization' | 'onSend';

/** A Fastify route-level hook of one phase. */
export type RouteHook<Phase extends RoutePhase> = Exclude<
  NonNullable<RouteOptions[Phase]>,
  unknown[]
>;

/** Finds one of the app's providers: what an effect needs to do its work. */
export type Resolve = <T>(type: Type<T>) => T;

/** One kind of behaviour around routes, in one phase, configured per route by an option. */
export interface RouteEffect<Option = never, Phase extends RoutePhase = RoutePhase> {
  readonly phase: Phase;
  /** Run once per app: takes what the effect needs, answers the hook for one route's option. */
  readonly setup: (resolve: Resolve) => (option: Option) => RouteHook<Phase>;
  /** The decorator: the route has this effect, with `option`. */
  on(option: Option): MethodDecorator;
}

/** The effects of a route, as its decorators declared them (in the order they ran). */
export type DeclaredEffects = ReadonlyArray<readonly [RouteEffect<unknown>, unknown]>;

const EFFECTS = 'routeEffects';

/** The effects a route's Fastify config declares (none for most routes). */
export const effectsOf = (config: unknown): DeclaredEffects =>
  ((config as Record<string, unknown> | undefined)?.[EFFECTS] as DeclaredEffects) ?? [];

/**
 * Adds `effect` to a handler's route config, keeping whatever other decorators put there (Nest's
 * own `RouteConfig` would replace the whole config). An effect declared twice runs once, with the
 * option of the outer decorator (the one written higher up, which runs last).
 */
function declare<Option>(effect: RouteEffect<Option>, option: Option): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
    const others = effectsOf(config).filter(([declared]) => declared !== effect);
    const effects = [...others, [effect, option]];
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...config, [EFFECTS]: effects },
      handler,
    );
  };
}

/** Defines an effect: its phase, and how it sets up its hooks. */
export function routeEffect<Option, Phase extends RoutePhase>(
  phase: Phase,
  setup: RouteEffect<Option, Phase>['setup'],
): RouteEffect<Option, Phase> {
  const effect: RouteEffect<Option, Phase> = {
    phase,
    setup,
    on: (option) => declare(effect as RouteEffect<Option>, option),
  };
  return effect;
}
