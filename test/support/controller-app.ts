import fastifyCookie from '@fastify/cookie';
import { RefreshTokenGuard, RequestTokens, TokenVerifier } from '@app/auth';
import { CanActivate, DynamicModule, ExecutionContext, Provider, Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { validateEnvironment } from '../../src/config/env.validation';
import { ProblemFilter } from '../../src/http/problem.filter';
import { createValidationPipe } from '../../src/problems/validation.pipe';
import { AuditLog } from '../../src/audit/audit-log';
import { DeviceTokens } from '../../src/budgets/device-tokens';
import { SessionRevocations } from '../../src/revocation/session-revocations';
import { RouteEffectsModule } from '../../src/route-effects/route-effects.module';
import { TokensModule } from '../../src/tokens/tokens.module';

/** What the guards would have put on the request: a session, or a refresh token's principal. */
export const FAKE_SESSION = { userId: 'U1', sessionExpiresAt: 2e9, roles: [], permissions: [] };
export const FAKE_PRINCIPAL = { userId: 'U1', refreshExpiresAt: 2e9, claims: {}, jwt: 'r.r.r' };

/** Stands in for a guard that verified a token: puts `user` on the request. */
const passing = (user: object): CanActivate => ({
  canActivate: (context: ExecutionContext) => {
    context.switchToHttp().getRequest<{ user?: object }>().user ??= user;
    return true;
  },
});

/** Stand-ins for AuthModule, BudgetsModule and AuditModule: any refresh token is U1's. */
const fakeAuth: DynamicModule = {
  module: class FakeAuthModule {},
  global: true,
  providers: [
    { provide: TokenVerifier, useValue: { verify: () => Promise.resolve(FAKE_PRINCIPAL) } },
    {
      provide: RequestTokens,
      useValue: { read: () => FAKE_PRINCIPAL.jwt, crossSite: () => undefined },
    },
    { provide: DeviceTokens, useValue: { issue: () => Promise.resolve('v1.d.1.m'), ttlMs: 1000 } },
    { provide: AuditLog, useValue: { record: () => undefined } },
    { provide: SessionRevocations, useValue: { endUser: () => Promise.resolve() } },
  ],
  exports: [TokenVerifier, RequestTokens, DeviceTokens, AuditLog, SessionRevocations],
};

export interface ControllerApp {
  app: NestFastifyApplication;
  /** Sends a request through the whole Nest pipeline; answers status and parsed body. */
  send(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * A feature's controllers in a Nest app with the service's real ValidationPipe and problem filter, its
 * service replaced by `providers`, and guards that let every request through as user U1, so a
 * controller spec sees exactly what validation and routing answer.
 */
export async function controllerApp(
  controller: Type | Type[],
  providers: Provider[],
  imports: (Type | DynamicModule)[] = [],
): Promise<ControllerApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({
        isGlobal: true,
        ignoreEnvVars: true,
        load: [() => validateEnvironment({})],
      }),
      fakeAuth,
      TokensModule,
      RouteEffectsModule,
      ...imports,
    ],
    controllers: [controller].flat(),
    providers: [
      ...providers,
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_FILTER, useClass: ProblemFilter },
      { provide: APP_GUARD, useValue: passing(FAKE_SESSION) },
    ],
  })
    .overrideGuard(RefreshTokenGuard)
    .useValue(passing(FAKE_PRINCIPAL))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.register(fastifyCookie);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    send: async (method, url, body) => {
      const response = await app.inject({
        method: method as 'GET',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: response.statusCode, body: response.body ? response.json() : undefined };
    },
    close: () => app.close(),
  };
}

/** The fields a 400 names. */
export const badFields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field);
