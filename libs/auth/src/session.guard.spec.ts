import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  INestApplication,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyReply } from 'fastify';
import { generateKeyPairSync, sign } from 'node:crypto';
import { AuthTokenError } from './auth-token.error';
import {
  CurrentRefreshToken,
  CurrentSession,
  Public,
  RefreshTokenRequired,
  Roles,
  TenantRoles,
} from './auth.decorators';
import { AuthModule } from './auth.module';
import { AuthenticatedSession, RefreshPrincipal } from './authenticated-session';
import { JwksKeyStore } from './jwks-key-store';
import { SessionGuard } from './session.guard';

const PROJECT = 'P2guard';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function token(drn: 'DS' | 'DSR', roles: string[] = [], extra: object = {}): string {
  const claims = {
    sub: 'U1',
    iss: PROJECT,
    drn,
    roles,
    exp: Math.floor(Date.now() / 1000) + 60,
    ...extra,
  };
  const input = `${part({ alg: 'RS256', kid: 'K1' })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

@Controller()
class ProbeController {
  @Public()
  @Get('open')
  open() {
    return 'open';
  }

  @Get('session')
  session(@CurrentSession() session: AuthenticatedSession) {
    return session.userId;
  }

  @RefreshTokenRequired()
  @Get('refresh')
  refresh(@CurrentRefreshToken() principal: RefreshPrincipal) {
    return principal.userId;
  }

  @Roles('admin')
  @Get('admin')
  admin() {
    return 'admin';
  }

  @TenantRoles('admin')
  @Get('tenant-admin')
  tenantAdmin() {
    return 'tenant admin';
  }
}

/** Answers an `AuthTokenError` as 401 naming its reason, as the service's filter would. */
@Catch(AuthTokenError)
class ReasonFilter implements ExceptionFilter {
  catch(error: AuthTokenError, host: ArgumentsHost): void {
    void host.switchToHttp().getResponse<FastifyReply>().status(401).send({ reason: error.reason });
  }
}

describe('SessionGuard and RefreshTokenGuard', () => {
  let app: INestApplication;
  const get = async (url: string, bearer?: string) => {
    const headers = bearer ? { authorization: `Bearer ${bearer}` } : undefined;
    const response = await (app as NestFastifyApplication).inject({ url, headers });
    return [response.statusCode, response.body];
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ projectId: PROJECT, baseUrl: 'http://127.0.0.1:9' })],
      controllers: [ProbeController],
      providers: [
        { provide: APP_GUARD, useExisting: SessionGuard },
        { provide: APP_FILTER, useClass: ReasonFilter },
      ],
    })
      .overrideProvider(JwksKeyStore)
      .useValue({
        getKey: (kid: string) =>
          Promise.resolve(kid === 'K1' ? { key: publicKey, alg: 'RS256' } : undefined),
        has: (kid: string) => kid === 'K1',
        onKeysDropped: () => undefined,
      })
      .compile();
    app = moduleRef.createNestApplication(new FastifyAdapter());
    await app.init();
    await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('lets a public route through without a token', async () => {
    expect(await get('/open')).toEqual([200, 'open']);
  });

  it('needs a session token on every other route', async () => {
    expect(await get('/session', token('DS'))).toEqual([200, 'U1']);
    expect(await get('/session')).toEqual([401, '{"reason":"missing"}']);
  });

  it('guards @RefreshTokenRequired() routes with the refresh token instead', async () => {
    expect(await get('/refresh', token('DSR'))).toEqual([200, 'U1']);
    expect(await get('/refresh')).toEqual([401, '{"reason":"missing"}']);
  });

  it('refuses a token of the wrong kind with 401', async () => {
    expect(await get('/session', token('DSR'))).toEqual([401, '{"reason":"invalid"}']);
    expect(await get('/refresh', token('DS'))).toEqual([401, '{"reason":"invalid"}']);
  });

  it('checks @Roles() after authentication: 403 without the role', async () => {
    expect(await get('/admin', token('DS', ['admin']))).toEqual([200, 'admin']);
    const [status] = await get('/admin', token('DS', ['viewer']));
    expect(status).toBe(403);
    expect(await get('/admin')).toEqual([401, '{"reason":"missing"}']);
  });

  it("counts tenant roles only for @TenantRoles(), in the token's current tenant", async () => {
    const tenants = { acme: { roles: ['admin'] }, other: { roles: [] } };
    const inAcme = token('DS', [], { tenants, dct: 'acme' });
    expect((await get('/admin', inAcme))[0]).toBe(403); // @Roles() is project level only
    expect(await get('/tenant-admin', inAcme)).toEqual([200, 'tenant admin']);
    expect((await get('/tenant-admin', token('DS', ['admin'], { tenants, dct: 'other' })))[0]).toBe(
      403,
    );
    expect((await get('/tenant-admin', token('DS', ['admin'], { tenants })))[0]).toBe(403); // no dct
  });
});
