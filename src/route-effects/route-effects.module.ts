import { Module, NestModule } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerRouteEffects } from './register-route-effects';

/**
 * Route effects in every app that imports this module (AppModule does, and so does the test
 * harness of controller specs). Nest calls each module's `configure` before it registers any
 * route, so the effects are installed whatever the entry point: like the global pipe, filter and
 * guards, they belong to the app's modules, not to `main.ts` or `createApp`.
 */
@Module({})
export class RouteEffectsModule implements NestModule {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
  ) {}

  configure(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    registerRouteEffects(fastify, (type) => this.moduleRef.get(type, { strict: false }));
  }
}
