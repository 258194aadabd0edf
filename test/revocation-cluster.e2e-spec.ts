import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';
import { call, refusedWithin, Tokens } from './support/instances';
import { upstreamRefreshes } from './support/revocation';
import { RunningCluster, startRedisCluster } from './support/redis-servers';
import { ServiceProcess, startServiceProcess } from './support/service-process';

/**
 * Revocation and refresh coalescing on a 3-master Redis Cluster (test/redis-topologies has the
 * limits and budgets on one): two service processes, rotation on.
 */
describe('Sessions on a Redis Cluster', () => {
  let emulator: RunningEmulator;
  let cluster: RunningCluster;
  let instances: ServiceProcess[];

  beforeAll(async () => {
    emulator = await startEmulator({ rotateRefreshTokens: true });
    cluster = await startRedisCluster(3);
    const env = {
      DESCOPE_PROJECT_ID: emulator.projectId,
      DESCOPE_BASE_URL: emulator.baseUrl,
      REDIS_CLUSTER_NODES: cluster.nodes,
      DEVICE_TOKEN_SECRET: 'a-test-secret-of-at-least-32-characters',
      COOKIE_SECURE: 'false',
      RATE_LIMIT_IP_PER_MINUTE: '0',
      AUTH_FAILURE_MIN_MS: '0',
    };
    instances = await Promise.all([0, 1].map(() => startServiceProcess(env)));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances ?? []) instance.child.kill('SIGKILL');
    await cluster?.close();
    await emulator?.close();
  });

  const signUp = async () =>
    (
      await call(instances[0].url, 'POST', '/v1/password/signup', {
        body: { loginId: uniqueEmail('cluster'), password: STRONG_PASSWORD },
      })
    ).body as Tokens;

  it('refuses on one instance a session logged out on the other', async () => {
    const user = await signUp();
    expect((await refusedWithin(instances[1].url, user.sessionJwt, 0)).status).toBe(200);
    const out = await call(instances[0].url, 'POST', '/v1/session/logout', {
      bearer: user.sessionJwt,
      cookies: { DSR: user.refreshJwt },
    });
    expect(out.status).toBe(204);
    expect((await refusedWithin(instances[1].url, user.sessionJwt, 5000)).status).toBe(401);
  });

  it('answers 10 concurrent refreshes over both instances with one upstream refresh', async () => {
    const user = await signUp();
    const stats = () => upstreamRefreshes(emulator.baseUrl);
    const before = await stats();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(instances[i % 2].url, 'POST', '/v1/session/refresh', {
          cookies: { DSR: user.refreshJwt },
        }),
      ),
    );
    expect(answers.map(({ status }) => status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map(({ body }) => body.refreshJwt)).size).toBe(1);
    expect((await stats()) - before).toBe(1);
    const metrics = await (await fetch(`${instances[0].managementUrl}/metrics`)).text();
    expect(metrics).not.toMatch(/auth_limiter_failures_total\{[^}]*\} [1-9]/);
  });
});
