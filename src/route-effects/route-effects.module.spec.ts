import fastifyCookie from '@fastify/cookie';
import { RequestTokens, TokenVerifier } from '@app/auth';
import { DescopeApiError, DescopeErrorCodes } from '@app/descope';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuditLog } from '../audit/audit-log';
import { DeviceTokens } from '../budgets/device-tokens';
import { validateEnvironment } from '../config/env.validation';
import { ProblemFilter } from '../http/problem.filter';
import { TokensModule } from '../tokens/tokens.module';
import { SessionRevocations } from '../revocation/session-revocations';
import { WRONG_PASSWORD } from './account-failures';
import { Audited } from './audited.effect';
import { ClearsTokens } from './clears-tokens.effect';
import { HidesAccounts } from './hides-accounts.effect';
import { IssuesTokens } from './issues-tokens.effect';
import { RouteEffectsModule } from './route-effects.module';

@Controller('t')
class TokenRoutes {
  @Post('in')
  @HttpCode(200)
  @IssuesTokens()
  signIn(): object {
    return { sessionJwt: 's.s.s', sessionExpiresAt: 2e9, user: { userId: 'U1' } };
  }

  @Post('out')
  @HttpCode(204)
  @ClearsTokens()
  logout(): void {}

  @Post('wrong')
  @Audited('password.signin')
  @HidesAccounts(WRONG_PASSWORD)
  wrong(): never {
    throw new DescopeApiError(DescopeErrorCodes.userNotFound, 'no such user', 400);
  }
}

const audited: string[] = [];

/** Stand-ins for what AuthModule and BudgetsModule provide. */
const fakes = {
  module: class Fakes {},
  global: true,
  providers: [
    { provide: TokenVerifier, useValue: {} },
    { provide: DeviceTokens, useValue: { ttlMs: 1000 } },
    { provide: RequestTokens, useValue: { crossSite: () => undefined } },
    { provide: AuditLog, useValue: { record: (action: string) => audited.push(action) } },
    { provide: SessionRevocations, useValue: {} },
  ],
  exports: [TokenVerifier, DeviceTokens, RequestTokens, AuditLog, SessionRevocations],
};

/** Every provider the effects need, and nothing of createApp or configureApp. */
async function appWith(env: Record<string, string>): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({
        isGlobal: true,
        ignoreEnvVars: true,
        load: [() => validateEnvironment(env)],
      }),
      fakes,
      TokensModule,
      RouteEffectsModule,
    ],
    controllers: [TokenRoutes],
    providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.register(fastifyCookie);
  await app.init();
  return app;
}

describe('RouteEffectsModule', () => {
  it('installs the effects in an app that only imports it: no setup call to forget', async () => {
    const app = await appWith({
      TOKEN_DELIVERY: 'cookie',
      COOKIE_SECURE: 'false',
      AUTH_FAILURE_MIN_MS: '1',
    });
    const signIn = await app.inject({ method: 'POST', url: '/t/in' });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).not.toHaveProperty('sessionJwt');
    expect(signIn.cookies.map(({ name, value }) => `${name}=${value}`)).toEqual(['DS=s.s.s']);
    const logout = await app.inject({ method: 'POST', url: '/t/out' });
    expect(logout.cookies.map(({ name, value }) => `${name}=${value}`)).toEqual(['DS=', 'DSR=']);
    const wrong = await app.inject({ method: 'POST', url: '/t/wrong' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ detail: WRONG_PASSWORD.detail });
    expect(audited).toEqual(['password.signin']);
    await app.close();
  });
});
