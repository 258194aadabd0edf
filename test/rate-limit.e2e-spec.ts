import { LogCapture } from './support/log-capture';
import { randomInt } from 'node:crypto';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

const REDIS = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  DEVICE_TOKEN_SECRET: 'r'.repeat(32),
};
/** A client address no other test run uses, as one trusted proxy reports it. */
const randomClient = () => ({
  'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
});

/** The per-IP request limit (flood protection), in memory or shared through Redis. */
describe('Service: request limits', () => {
  const refresh = (h: AppHarness, headers: Record<string, string> = {}) =>
    h.api('POST', '/v1/session/refresh', { bearer: 'bad', headers });

  it('limits per IP and route, before token checks, and never limits session validation', async () => {
    const h = await startApp({ RATE_LIMIT_IP_PER_MINUTE: '4' });
    try {
      const { body } = await h.api('POST', '/v1/password/signup', {
        body: { loginId: uniqueEmail(), password: STRONG_PASSWORD },
      });
      for (let i = 0; i < 4; i += 1) expect((await refresh(h)).status).toBe(401);
      const limited = await refresh(h);
      expect([limited.status, limited.body.code]).toEqual([429, 'rate_limited']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
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
    const settings = { ...REDIS, TRUST_PROXY: '1', RATE_LIMIT_IP_PER_MINUTE: '3' };
    const [a, b] = [await startApp(settings), await startApp(settings)];
    const client = randomClient();
    try {
      const statuses = [];
      for (const h of [a, b, a, b]) statuses.push((await refresh(h, client)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("counts in the instance's memory when Redis is unreachable, or fails closed with 503 when told to", async () => {
    const down = {
      ...REDIS,
      REDIS_URL: 'redis://127.0.0.1:9',
      RATE_LIMIT_IP_PER_MINUTE: '1',
    };
    const open = await startApp(down);
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await refresh(open)).status);
      expect(statuses).toEqual([401, 429, 429]);
    } finally {
      await open.close();
    }
    const closed = await startApp({ ...down, RATE_LIMIT_FAIL_CLOSED: 'true' });
    try {
      const answer = await refresh(closed);
      expect([answer.status, answer.body.code]).toEqual([503, 'limiter_unavailable']);
    } finally {
      await closed.close();
    }
  });

  it("keeps the guessing budgets in the instance's memory (counted in metrics) or fails closed when Redis is unreachable", async () => {
    const down = {
      ...REDIS,
      REDIS_URL: 'redis://127.0.0.1:9',
      AUTH_FAILURES_PER_CLIENT: '1/15m',
      AUTH_FAILURES_PER_ACCOUNT: '1/1h',
    };
    const loginId = uniqueEmail();
    const signIn = (h: AppHarness) =>
      h.api('POST', '/v1/password/signin', { body: { loginId, password: 'Wrong-Pass-1' } });
    const open = await startApp(down);
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await signIn(open)).status);
      expect(statuses).toEqual([401, 429, 429]);
      const metrics = await (await fetch(`${open.managementUrl}/metrics`)).text();
      expect(metrics).toMatch(/auth_limiter_failures_total\{limiter="budgets"\} [1-9]/);
    } finally {
      await open.close();
    }
    const closed = await startApp({ ...down, RATE_LIMIT_FAIL_CLOSED: 'true' });
    try {
      const answer = await signIn(closed);
      expect([answer.status, answer.body.code]).toEqual([503, 'limiter_unavailable']);
    } finally {
      await closed.close();
    }
  });

  it('warns at start that RATE_LIMIT_LOGIN_ID_PER_MINUTE is ignored, naming the budgets', async () => {
    const logs = new LogCapture();
    const h = await startApp({ RATE_LIMIT_LOGIN_ID_PER_MINUTE: '5' }, {}, logs);
    await h.close();
    expect(logs.text()).toMatch(
      /RATE_LIMIT_LOGIN_ID_PER_MINUTE is ignored.*AUTH_FAILURES_PER_CLIENT/,
    );
  });
});
