import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { randomUUID } from 'node:crypto';
import { AppHarness, startApp } from './support/app-harness';
import { LogCapture } from './support/log-capture';
import {
  redisCli,
  RunningCluster,
  RunningRedis,
  startRedis,
  startRedisCluster,
} from './support/redis-servers';
import { BUDGETS, guess, newClient, newLoginId, statusOf } from './budgets/support';

/* The limits and budgets on a real Redis Cluster, and on a standalone Redis killed mid-test. */

const { REDIS_URL: _local, ...LIMITS } = {
  ...BUDGETS,
  AUTH_FAILURES_PER_ACCOUNT: '3/1h',
  RATE_LIMIT_IP_PER_MINUTE: '3',
  SENDS_PER_PHONE_CHANNEL: '3/1m',
};
/** Keys of this run only: a global per-channel count must not mix with other runs. */
const prefix = () => `test-${randomUUID().slice(0, 8)}`;

const refresh = (h: AppHarness, client: string) =>
  h.api('POST', '/v1/session/refresh', { bearer: 'bad', headers: { 'x-forwarded-for': client } });
/** Wrong guesses at one account, each from a new client: only the account budget binds. */
const guesses = async (hs: AppHarness[], loginId: string, count: number) => {
  const statuses = [];
  for (let i = 0; i < count; i += 1)
    statuses.push(
      statusOf(await guess(hs[i % hs.length], 'password sign-in', loginId, newClient())),
    );
  return statuses;
};
const failures = async (h: AppHarness) =>
  [
    ...(await (await fetch(`${h.managementUrl}/metrics`)).text()).matchAll(
      /auth_limiter_failures_total\{limiter="(\w+)"\} (\d+)/g,
    ),
  ].map(([, limiter, count]) => `${limiter} ${count}`);
const [WRONG, SPENT] = ['401 invalid_credentials', '429 too_many_attempts'];

describe('Redis Cluster (REDIS_CLUSTER_NODES): two instances count together', () => {
  let cluster: RunningCluster;
  let emulator: RunningEmulator;
  let a: AppHarness;
  let b: AppHarness;
  const keyPrefix = prefix();

  beforeAll(async () => {
    [cluster, emulator] = await Promise.all([startRedisCluster(), startEmulator()]);
    const env = { ...LIMITS, REDIS_CLUSTER_NODES: cluster.nodes, REDIS_KEY_PREFIX: keyPrefix };
    [a, b] = [await startApp(env, emulator), await startApp(env, emulator)];
  }, 30_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await emulator?.close();
    await cluster?.close();
  });

  it('shares the guessing budget, the request limit and the phone-channel cap, on hash-tagged keys', async () => {
    const loginId = newLoginId('cluster');
    expect(await guesses([a, b], loginId, 5)).toEqual([WRONG, WRONG, WRONG, SPENT, SPENT]);
    const client = newClient();
    const limited = [];
    for (const h of [a, b, a, b]) limited.push((await refresh(h, client)).status);
    expect(limited).toEqual([401, 401, 401, 429]);
    const numbers = Array.from({ length: 5 }, (_, i) => `+1415555${2000 + i}`);
    for (const [i, loginId] of numbers.entries())
      await [a, b][i % 2].api('POST', '/v1/otp/signup/sms', { body: { loginId } });
    const sent = await Promise.all(numbers.map(async (n) => (await a.outbox(n)).length));
    expect(sent).toEqual([1, 1, 1, 0, 0]);
    expect([...(await failures(a)), ...(await failures(b))]).toEqual([]);
    const keys = (
      await Promise.all(cluster.ports.map((port) => redisCli(port, ['--scan'])))
    ).flatMap((text) => text.split('\n').filter(Boolean));
    expect(keys).toEqual(
      expect.arrayContaining([
        `{${keyPrefix}:budget:${loginId}}:guess:account:${loginId}:3600000`,
        `{${keyPrefix}:budget:channel:sms}:send:channel:sms:60000`,
        expect.stringMatching(new RegExp(`^\\{${keyPrefix}:rate:ip:`)),
      ]),
    );
  });
});

describe('Redis killed mid-test: each instance falls back to its own memory', () => {
  const password = 'pa55-w0rd';
  let redis: RunningRedis;
  let emulator: RunningEmulator;
  let h: AppHarness;
  const logs = new LogCapture();

  beforeAll(async () => {
    [redis, emulator] = await Promise.all([startRedis(password), startEmulator()]);
    // Its old name, alone: still read, with a warning at start.
    const env = { ...LIMITS, RATE_LIMIT_REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix() };
    h = await startApp({ ...env, LOG_LEVEL: 'warn' }, emulator, logs);
  });
  afterAll(async () => {
    await h?.close();
    await emulator?.close();
    await redis?.close();
  });

  it('still limits wrong passwords and requests after the kill, with no 5xx, and counts in Redis again once it is back', async () => {
    const loginId = newLoginId('outage');
    expect(await guesses([h], loginId, 2)).toEqual([WRONG, WRONG]);
    expect(await redisCli(redis.port, ['dbsize'], password)).not.toBe('0\n');
    await redis.stop();
    // Memory never saw the two guesses Redis holds: the account gets its budget once more here.
    expect(await guesses([h], loginId, 5)).toEqual([WRONG, WRONG, WRONG, SPENT, SPENT]);
    const client = newClient();
    const limited = [];
    for (let i = 0; i < 5; i += 1) limited.push((await refresh(h, client)).status);
    expect(limited).toEqual([401, 401, 401, 429, 429]);
    expect(await failures(h)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^requests [1-9]/),
        expect.stringMatching(/^budgets [1-9]/),
      ]),
    );
    await redis.restart();
    // ioredis reconnects within 2 s; a guess at a new account each poll, until one lands in Redis.
    const deadline = Date.now() + 10_000;
    while ((await redisCli(redis.port, ['dbsize'], password)) === '0\n') {
      if (Date.now() > deadline) throw new Error('the service never counted in Redis again');
      expect(await guesses([h], newLoginId('back'), 1)).toEqual([WRONG]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 20_000);

  it('warned that RATE_LIMIT_REDIS_URL is deprecated and that Redis was unreachable, never logging the URL', () => {
    const text = logs.text();
    expect(text).toContain('RATE_LIMIT_REDIS_URL is deprecated: rename it REDIS_URL');
    expect(text).toContain('Redis is unreachable');
    expect(text).not.toContain(password);
  });
});
