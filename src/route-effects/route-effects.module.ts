import { Module, NestModule } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerRouteEffects } from './register-route-effects';

/**
 * Route effects in every app that has this module: the feature modules whose routes declare
 * effects import it (so does the harness of controller specs), and Nest makes it once per app.
 * Nest calls each module's `configure` before it registers any route, so the effects are installed
 * whatever the entry point (`main.ts`, `createApp`, a test module): like the global pipe, filter
 * and guards, they belong to the app's modules, not to its setup code.
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
