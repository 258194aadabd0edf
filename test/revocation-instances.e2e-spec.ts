import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { TEST_DEFAULTS } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';
import { RunningRedis, startRedis } from './support/redis-servers';
import { ServiceProcess, startServiceProcess } from './support/service-process';
import { call, refusedWithin, Tokens } from './support/instances';
import { nextSecond, upstreamRefreshes } from './support/revocation';

const WINDOW_MS = 1500;

/**
 * Three service processes on one emulator and one Redis of the test's own, as a new user would
 * run them: a session ended on one instance is refused on the others, measured; logouts made
 * while Redis is down reach every instance once it is back; concurrent refreshes over two
 * instances with rotation on share one upstream refresh.
 */
describe('Sessions end on every instance', () => {
  let emulator: RunningEmulator;
  let redis: RunningRedis;
  let instances: ServiceProcess[];
  const url = (i: number) => instances[i % instances.length].url;

  beforeAll(async () => {
    emulator = await startEmulator({ rotateRefreshTokens: true });
    redis = await startRedis();
    const env = {
      DESCOPE_PROJECT_ID: emulator.projectId,
      DESCOPE_BASE_URL: emulator.baseUrl,
      REDIS_URL: redis.url,
      DEVICE_TOKEN_SECRET: 'a-test-secret-of-at-least-32-characters',
      ...TEST_DEFAULTS,
      REFRESH_REUSE_WINDOW_MS: String(WINDOW_MS),
    };
    instances = await Promise.all([0, 1, 2].map(() => startServiceProcess(env)));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances ?? []) instance.child.kill('SIGKILL');
    await redis?.close();
    await emulator?.close();
  });

  const signUp = async (at: number) => {
    const loginId = uniqueEmail('instances');
    const up = await call(url(at), 'POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    return { loginId, ...(up.body as Tokens) };
  };
  const refreshesUpstream = () => upstreamRefreshes(emulator.baseUrl);
  const logout = (at: number, { sessionJwt, refreshJwt }: Tokens) =>
    call(url(at), 'POST', '/v1/session/logout', {
      bearer: sessionJwt,
      cookies: { DSR: refreshJwt },
    });

  it('refuses on B and C a session logged out on A, on GET /v1/session and validate', async () => {
    const user = await signUp(0);
    for (const i of [1, 2])
      expect((await refusedWithin(url(i), user.sessionJwt, 0)).status).toBe(200);
    expect((await logout(0, user)).status).toBe(204);
    for (const i of [0, 1, 2]) {
      expect((await refusedWithin(url(i), user.sessionJwt, 5000)).status).toBe(401);
      const validate = await call(url(i), 'POST', '/v1/session/validate', {
        body: { sessionJwt: user.sessionJwt },
      });
      expect([validate.status, validate.body.code]).toEqual([401, 'token_invalid']);
    }
  });

  it('refuses everywhere the sessions ended by logout-all and by a password change', async () => {
    const user = await signUp(0);
    expect(
      (await call(url(1), 'POST', '/v1/session/logout-all', { bearer: user.refreshJwt })).status,
    ).toBe(204);
    for (const i of [0, 2])
      expect((await refusedWithin(url(i), user.sessionJwt, 5000)).status).toBe(401);
    const second = await signUp(1);
    await nextSecond();
    const replaced = await call(url(2), 'POST', '/v1/password/replace', {
      body: {
        loginId: second.loginId,
        oldPassword: STRONG_PASSWORD,
        newPassword: 'Changed-Horse-14',
        loginOptions: { revokeOtherSessions: true },
      },
    });
    expect(replaced.status).toBe(200);
    for (const i of [0, 1]) {
      expect((await refusedWithin(url(i), second.sessionJwt, 5000)).status).toBe(401);
      expect((await refusedWithin(url(i), replaced.body.sessionJwt, 0)).status).toBe(200);
    }
  });

  it('measures propagation over 200 logouts: from the 204 on one instance to refusal on another', async () => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const user = await signUp(i);
      const other = url(i + 1);
      // Twice: the second check puts the session in the other instance's memo.
      for (let seen = 0; seen < 2; seen++) {
        expect((await refusedWithin(other, user.sessionJwt, 0)).status).toBe(200);
      }
      expect((await logout(i, user)).status).toBe(204);
      const { status, ms } = await refusedWithin(other, user.sessionJwt, 5000);
      expect(status).toBe(401);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    console.log(
      `logout propagation over 200 logouts: p50 ${at(0.5).toFixed(1)} ms, ` +
        `p99 ${at(0.99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
    );
  }, 120_000);

  it('answers 20 concurrent refreshes over two instances with one upstream refresh', async () => {
    const user = await signUp(0);
    const before = await refreshesUpstream();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(url(i % 2), 'POST', '/v1/session/refresh', { cookies: { DSR: user.refreshJwt } }),
      ),
    );
    expect(answers.map(({ status, body }) => `${status} ${body.detail ?? ''}`)).toEqual(
      Array(20).fill('200 '),
    );
    expect(new Set(answers.map(({ body }) => body.sessionJwt)).size).toBe(1);
    expect(new Set(answers.map(({ body }) => body.refreshJwt)).size).toBe(1);
    expect((await refreshesUpstream()) - before).toBe(1);
    // After the window the old token is reuse on any instance, and the new session ends too.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 200));
    const reuse = await call(url(2), 'POST', '/v1/session/refresh', {
      cookies: { DSR: user.refreshJwt },
    });
    expect([reuse.status, reuse.body.code]).toEqual([401, 'token_invalid']);
    for (const i of [0, 1]) {
      expect((await refusedWithin(url(i), answers[0].body.sessionJwt, 5000)).status).toBe(401);
    }
  });

  it('brings logouts made while Redis is down to every instance once it is back; no 5xx', async () => {
    const users = await Promise.all([0, 1, 2, 3, 4].map((i) => signUp(i)));
    await redis.stop();
    for (const [i, user] of users.entries()) {
      expect((await logout(i, user)).status).toBe(204);
      expect((await refusedWithin(url(i), user.sessionJwt, 0)).status).toBe(401);
    }
    const ready = await call(instances[0].managementUrl, 'GET', '/health/ready');
    expect([ready.status, ready.body.details.revocations.status]).toEqual([200, 'degraded']);
    await redis.restart();
    for (const user of users) {
      for (const i of [0, 1, 2]) {
        expect((await refusedWithin(url(i), user.sessionJwt, 15_000)).status).toBe(401);
      }
    }
    for (const i of [0, 1, 2]) {
      const metrics = await (await fetch(`${instances[i].managementUrl}/metrics`)).text();
      expect(metrics).toMatch(/auth_revocations_pending 0/);
    }
  }, 60_000);
});
