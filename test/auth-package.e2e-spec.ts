import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeJwt,
  EmulatorHarness,
  startHarness,
  STRONG_PASSWORD,
  uniqueEmail,
} from './support/emulator-harness';
import { AppHarness, startApp } from './support/app-harness';
import { RunningRedis, startRedis } from './support/redis-servers';
import {
  ConsumerProcess,
  copiesOf,
  installConsumer,
  startConsumer,
} from './support/package-consumer';

/**
 * `libs/auth` and `libs/client` as another service gets them: `npm run pack:auth` and
 * `npm run pack:client`, the tarballs installed into a copy of test/fixtures/auth-consumer (which
 * imports only the packages), compiled against the packages' declarations and run as its own
 * process against the emulator and the auth service. The guard's peers must resolve to the
 * service's own single copies: Passport strategies live in one process-wide registry.
 */
describe('The session guard and the client as installed packages', () => {
  let work: string;
  let dir: string;
  let h: EmulatorHarness;
  let consumer: ConsumerProcess | undefined;
  let redis: RunningRedis;
  let service: AppHarness;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'auth-package-'));
    h = await startHarness();
    redis = await startRedis();
    // The auth service on the same emulator and Redis: it ends sessions, the guard hears of it.
    const shared = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'package-test' };
    service = await startApp(
      { ...shared, DEVICE_TOKEN_SECRET: 'a-test-secret-of-at-least-32-characters' },
      h.emulator,
    );
    dir = await installConsumer(work);
    await h.management.management.role.create('admin', 'Administers');
    consumer = await startConsumer(dir, {
      DESCOPE_PROJECT_ID: h.emulator.projectId,
      DESCOPE_BASE_URL: h.emulator.baseUrl,
      AUTH_SERVICE_URL: service.url,
      ...shared,
    });
  }, 240_000);

  afterAll(async () => {
    await consumer?.stop();
    await service?.close();
    await redis?.close();
    await h?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** A session token of a new user holding `roles` at project level. */
  const sessionOf = async (roles: string[]) => (await tokensOf(roles)).sessionJwt;
  const tokensOf = async (roles: string[]) => {
    const m = h.management.management;
    const loginId = uniqueEmail('package');
    await m.user.create(loginId, { email: loginId, verifiedEmail: true });
    if (roles.length) await m.user.addRoles(loginId, roles);
    await m.user.setActivePassword(loginId, STRONG_PASSWORD);
    const signIn = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);
    return { sessionJwt: signIn.data!.sessionJwt, refreshJwt: signIn.data!.refreshJwt! };
  };

  const get = async (path: string, bearer?: string) => {
    const headers = bearer ? { authorization: `Bearer ${bearer}` } : undefined;
    const response = await fetch(`${consumer!.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('is installed with its peers as the service’s own single copies', () => {
    for (const peer of ['passport', '@nestjs/passport', '@nestjs/core', '@nestjs/common']) {
      expect([peer, copiesOf(dir, peer)]).toEqual([peer, [join(dir, 'node_modules', peer)]]);
    }
  });

  it('has the client installed with openapi-fetch, its one dependency', () => {
    for (const name of ['@descope-auth/client', 'openapi-fetch']) {
      expect([name, copiesOf(dir, name)]).toEqual([name, [join(dir, 'node_modules', name)]]);
    }
  });

  it('asks the auth service for the caller’s session through the client package', async () => {
    const jwt = await sessionOf([]);
    const answer = await get('/auth-service/session', jwt);
    expect(answer).toEqual({
      status: 200,
      body: { userId: decodeJwt(jwt).payload.sub, amr: ['pwd'] },
    });
  });

  it('gets the auth service’s 401 as an AuthApiError through the client package', async () => {
    expect(await get('/auth-service/session')).toEqual({
      status: 401,
      body: { type: 'urn:problem:token_missing', code: 'token_missing' },
    });
    const forged = await get('/auth-service/session', `${(await sessionOf([])).slice(0, -4)}AAAA`);
    expect(forged).toEqual({
      status: 401,
      body: { type: 'urn:problem:token_invalid', code: 'token_invalid' },
    });
  });

  it('answers 200 on @Roles("admin") to a user holding the project-level role admin', async () => {
    const jwt = await sessionOf(['admin']);
    expect(decodeJwt(jwt).payload.roles).toEqual(['admin']);
    const answer = await get('/admin/reports', jwt);
    expect(answer).toEqual({ status: 200, body: { userId: decodeJwt(jwt).payload.sub } });
  });

  it('answers 401 without a token or with a forged one', async () => {
    expect((await get('/admin/reports')).status).toBe(401);
    const jwt = await sessionOf(['admin']);
    expect((await get('/admin/reports', `${jwt.slice(0, -4)}AAAA`)).status).toBe(401);
  });

  it('answers 403 to a valid session without the role', async () => {
    const answer = await get('/admin/reports', await sessionOf([]));
    expect(answer.status).toBe(403);
  });

  it('lets a @Public() route through without a token', async () => {
    expect(await get('/status')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('refuses a session the auth service logged out, heard through Redis', async () => {
    const { sessionJwt, refreshJwt } = await tokensOf(['admin']);
    expect((await get('/admin/reports', sessionJwt)).status).toBe(200);
    const out = await service.api('POST', '/v1/session/logout', {
      bearer: sessionJwt,
      cookies: { DSR: refreshJwt },
    });
    expect(out.status).toBe(204);
    const deadline = Date.now() + 5000;
    let answer = await get('/admin/reports', sessionJwt);
    while (answer.status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await get('/admin/reports', sessionJwt);
    }
    expect(answer.status).toBe(401);
  });
});
