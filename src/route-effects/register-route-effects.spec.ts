import 'reflect-metadata';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import Fastify from 'fastify';
import { registerRouteEffects } from './register-route-effects';
import { effectsOf, routeEffect } from './route-effect';

type Done = (error: null, payload: unknown) => void;

/** An effect that records which route ran it, with which option, and how often it was set up. */
function recorder(seen: string[], setUps: { count: number }) {
  return routeEffect<string, 'onSend'>('onSend', () => {
    setUps.count += 1;
    return (option) => (request, _reply, payload, done) => {
      seen.push(`${option} ${request.url}`);
      done(null, payload);
    };
  });
}

describe('route effects', () => {
  const seen: string[] = [];
  const setUps = { count: 0 };
  const marked = recorder(seen, setUps);
  const other = recorder(seen, { count: 0 });

  class Routes {
    @marked.on('outer')
    @other.on('inner')
    @RouteConfig({ own: 1 })
    both(): void {}

    @marked.on('wins')
    @marked.on('loses')
    twice(): void {}
  }

  const configOf = (handler: object) =>
    Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as Record<string, unknown>;

  it('keeps the effects and the config other decorators put on the route', () => {
    const config = configOf(Routes.prototype.both);
    expect(config.own).toBe(1);
    expect(effectsOf(config)).toEqual([
      [other, 'inner'],
      [marked, 'outer'],
    ]);
    expect(effectsOf({ own: 1 })).toEqual([]);
    expect(effectsOf(undefined)).toEqual([]);
  });

  it('declares an effect once, with the option of the outer decorator', () => {
    expect(effectsOf(configOf(Routes.prototype.twice))).toEqual([[marked, 'wins']]);
  });

  it("runs a route's effects beside its own hooks, on no other route, set up once", async () => {
    const fastify = Fastify();
    registerRouteEffects(fastify, () => {
      throw new Error('nothing to resolve');
    });
    const config = configOf(Routes.prototype.both);
    const own = (_request: unknown, _reply: unknown, payload: unknown, done: Done) => {
      seen.push('own');
      done(null, payload);
    };
    fastify.get('/both', { config, onSend: own }, () => 'a');
    fastify.get('/again', { config: effectsConfig(marked, 'again') }, () => 'b');
    fastify.get('/plain', () => 'c');
    for (const url of ['/both', '/again', '/plain']) await fastify.inject(url);
    expect(seen).toEqual(['own', 'inner /both', 'outer /both', 'again /again']);
    expect(setUps.count).toBe(1);
    await fastify.close();
  });
});

/** The route config one `effect.on(option)` decorator writes. */
function effectsConfig(effect: ReturnType<typeof recorder>, option: string): object {
  const handler = () => undefined;
  effect.on(option)({}, 'handler', { value: handler });
  return Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler);
}
