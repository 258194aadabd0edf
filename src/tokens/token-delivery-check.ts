import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { deliversTokens, issuesTokens } from './issues-tokens';

/**
 * Refuses to start an app that has `@IssuesTokens()` routes but no token-delivery hook
 * (`registerTokenDelivery`, which `configureApp` calls). Without the hook those routes would
 * answer every token in the body and set no cookie, whatever TOKEN_DELIVERY says: a new entry
 * point or test harness that forgot it must fail at start, not leak tokens to scripts.
 */
@Injectable()
export class TokenDeliveryCheck implements OnApplicationBootstrap {
  private readonly scanner = new MetadataScanner();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly modules: ModulesContainer,
  ) {}

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined || deliversTokens(fastify)) return;
    const route = this.tokenRoutes().next();
    if (route.done) return;
    throw new Error(
      `${route.value} issues tokens but the app has no token-delivery hook: ` +
        'call registerTokenDelivery (as configureApp does) before app.init()',
    );
  }

  private *tokenRoutes(): Generator<string> {
    for (const module of this.modules.values()) {
      for (const { metatype } of module.controllers.values()) {
        const prototype = (metatype as { prototype?: Record<string, unknown> }).prototype ?? {};
        // As Nest's router finds routes: the methods of the class and of the classes it extends.
        for (const name of this.scanner.getAllMethodNames(prototype)) {
          const member = prototype[name];
          if (typeof member === 'function' && issuesTokens(member)) {
            yield `${(metatype as { name: string }).name}.${name}`;
          }
        }
      }
    }
  }
}
