import { randomUUID } from 'node:crypto';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/** The service's own limits: per login id and per IP, shared through Redis across instances. */
describe('Service: rate limits', () => {
  const signIn = (h: AppHarness, loginId: string, password = 'Wrong-Pass-1') =>
    h.api('POST', '/v1/password/signin', { body: { loginId, password } });

  it('limits attempts per login id before Descope does, and leaves other login ids alone', async () => {
    const h = await startApp({ RATE_LIMIT_LOGIN_ID_PER_MINUTE: '3' });
    try {
      const loginId = uniqueEmail('limited');
      await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
      for (let attempt = 0; attempt < 3; attempt += 1)
        expect((await signIn(h, loginId)).status).toBe(401);
      const limited = await signIn(h, loginId.toUpperCase(), STRONG_PASSWORD);
      expect([limited.status, limited.body.code, limited.body.descopeCode]).toEqual([
        429,
        'rate_limited',
        undefined,
      ]);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body.retryAfter).toBe(retryAfter);
      const other = uniqueEmail('free');
      await h.api('POST', '/v1/password/signup', {
        body: { loginId: other, password: STRONG_PASSWORD },
      });
      expect((await signIn(h, other, STRONG_PASSWORD)).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('limits per IP and route, before token checks, and never limits session validation', async () => {
    const h = await startApp({ RATE_LIMIT_IP_PER_MINUTE: '4' });
    try {
      const { body } = await h.api('POST', '/v1/password/signup', {
        body: { loginId: uniqueEmail(), password: STRONG_PASSWORD },
      });
      for (let i = 0; i < 4; i += 1)
        expect((await h.api('POST', '/v1/session/refresh', { bearer: 'bad' })).status).toBe(401);
      const limited = await h.api('POST', '/v1/session/refresh', { bearer: 'bad' });
      expect([limited.status, limited.body.code]).toEqual([429, 'rate_limited']);
      for (let i = 0; i < 10; i += 1) {
        expect(
          (await h.api('POST', '/v1/session/validate', { body: { sessionJwt: body.sessionJwt } }))
            .status,
        ).toBe(200);
        expect((await h.api('GET', '/v1/session', { bearer: body.sessionJwt })).status).toBe(200);
      }
      expect((await h.api('GET', '/health/live')).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('shares the count between instances through Redis', async () => {
    const redis = {
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_LOGIN_ID_PER_MINUTE: '3',
    };
    const a = await startApp(redis);
    const b = await startApp(redis);
    try {
      const loginId = `${randomUUID()}@example.com`;
      expect((await signIn(a, loginId)).status).toBe(401);
      expect((await signIn(b, loginId)).status).toBe(401);
      expect((await signIn(a, loginId)).status).toBe(401);
      expect((await signIn(b, loginId)).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('fails open when Redis is unreachable', async () => {
    const h = await startApp({
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:9',
      RATE_LIMIT_LOGIN_ID_PER_MINUTE: '1',
    });
    try {
      const loginId = uniqueEmail();
      for (let attempt = 0; attempt < 3; attempt += 1)
        expect((await signIn(h, loginId)).status).toBe(401);
    } finally {
      await h.close();
    }
  });
});
