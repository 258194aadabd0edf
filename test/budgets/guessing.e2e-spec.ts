import { startEmulator } from '@app/descope-emulator';
import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD } from '../support/emulator-harness';
import {
  as,
  BUDGETS,
  guess,
  newClient,
  newLoginId,
  statusOf,
  twoInstances,
  userWithEverything,
  WRONG_GUESSES,
} from './support';

const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];

describe('Budgets: one failure budget per account, across routes and instances', () => {
  let t: Awaited<ReturnType<typeof twoInstances>>;
  const signIns = async () =>
    (
      (await (await fetch(`${t.emulator.baseUrl}/emulator/stats`)).json()) as {
        requests: Record<string, number>;
      }
    ).requests['POST /v1/auth/password/signin'] ?? 0;

  beforeAll(async () => {
    t = await twoInstances();
  });
  afterAll(() => t.close());

  it('gives guesses spread over every route and both instances one budget: 5, then 429 on all', async () => {
    const loginId = newLoginId();
    await userWithEverything(t.a, loginId);
    const client = newClient();
    const routes = Object.keys(WRONG_GUESSES);
    const spent = [];
    for (let i = 0; i < 5; i += 1) {
      spent.push(statusOf(await guess([t.a, t.b][i % 2], routes[i], loginId, client)));
    }
    expect(spent.every((status) => status.startsWith('401'))).toBe(true);
    for (const route of routes) {
      for (const h of [t.a, t.b]) {
        const answer = await guess(h, route, loginId, client);
        expect([route, statusOf(answer)]).toEqual([route, '429 too_many_attempts']);
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    const right = await t.b.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
      headers: as(client),
    });
    expect(statusOf(right)).toBe('429 too_many_attempts'); // answered before Descope is asked
  });

  it('lets no more than the budget reach Descope when 20 wrong guesses arrive at once', async () => {
    const loginId = newLoginId();
    await userWithEverything(t.a, loginId);
    const client = newClient();
    const before = await signIns();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        guess([t.a, t.b][i % 2], 'password sign-in', loginId, client),
      ),
    );
    const statuses = answers.map(statusOf);
    expect(statuses.filter((s) => s === '401 invalid_credentials')).toHaveLength(5);
    expect(statuses.filter((s) => s === '429 too_many_attempts')).toHaveLength(15);
    expect((await signIns()) - before).toBe(5);
  });

  it('counts a dozen spellings of one login id against one budget', async () => {
    const loginId = `kjosé.${newLoginId('spell')}`;
    await userWithEverything(t.a, loginId);
    const client = newClient();
    const variants = [
      loginId.toUpperCase(),
      `  ${loginId}  `,
      `\u00a0${loginId}`,
      `\u3000${loginId}\u3000`,
      `\ufeff${loginId}`,
      `\t${loginId}\n`,
      loginId.replace('k', '\u212a'), // Kelvin sign
      loginId.normalize('NFD'),
      loginId.normalize('NFD').toUpperCase(),
      `${loginId[0].toUpperCase()}${loginId.slice(1)}`,
      ` ${loginId.replace('k', '\u212a').normalize('NFD')} `,
    ];
    const statuses = [];
    for (const variant of variants)
      statuses.push(statusOf(await guess(t.a, 'password sign-in', variant, client)));
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill('401 invalid_credentials'));
    expect(statuses.slice(5)).toEqual(Array(variants.length - 5).fill('429 too_many_attempts'));
    expect(statusOf(await guess(t.b, 'OTP verify (email)', loginId, client))).toBe(
      '429 too_many_attempts',
    );
  });

  it('answers known and unknown login ids alike: the same 401s, the same 429, in the same time', async () => {
    const known = newLoginId('known');
    await userWithEverything(t.a, known);
    const unknown = newLoginId('nobody');
    const [c1, c2] = [newClient(), newClient()];
    const times: Record<string, number[]> = { known: [], unknown: [] };
    const bodies: Record<string, string[]> = { known: [], unknown: [] };
    for (let i = 0; i < 12; i += 1) {
      for (const [name, loginId, client] of [
        ['known', known, c1],
        ['unknown', unknown, c2],
      ]) {
        const started = performance.now();
        const answer = await guess(t.a, 'password sign-in', loginId, client);
        times[name].push(performance.now() - started);
        bodies[name].push(
          JSON.stringify({ ...answer.body, requestId: 0, retryAfter: 0 }) + answer.status,
        );
      }
    }
    expect(bodies.known).toEqual(bodies.unknown);
    const [k, u] = [median(times.known.slice(5)), median(times.unknown.slice(5))];
    console.log(`429 medians: known ${k.toFixed(2)} ms, unknown ${u.toFixed(2)} ms`);
    expect(Math.abs(k - u)).toBeLessThan(5);
  });

  it('leaves the budget as it is on success', async () => {
    const loginId = newLoginId();
    await userWithEverything(t.a, loginId);
    const client = newClient();
    for (let i = 0; i < 8; i += 1) {
      const right = await t.a.api('POST', '/v1/password/signin', {
        body: { loginId, password: STRONG_PASSWORD },
        headers: as(client),
      });
      expect(right.status).toBe(200);
    }
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(statusOf(await guess(t.b, 'password sign-in', loginId, client)));
    expect(statuses).toEqual([
      ...Array(5).fill('401 invalid_credentials'),
      '429 too_many_attempts',
    ]);
  });

  it("never charges the user for Descope's outage or Descope's own 429", async () => {
    const loginId = newLoginId();
    const client = newClient();
    const outage = await startApp(BUDGETS);
    await outage.emulator.close();
    for (let i = 0; i < 8; i += 1) {
      expect(statusOf(await guess(outage, 'password sign-in', loginId, client))).toBe(
        '502 upstream_unavailable',
      );
    }
    await outage.close();
    // Two requests a minute: the harness's management client spends one (its license call).
    const limiting = await startEmulator({ ipRateLimit: 2 });
    const throttled = await startApp(BUDGETS, limiting);
    const first = await guess(throttled, 'password sign-in', loginId, client);
    expect(statusOf(first)).toBe('401 invalid_credentials'); // spends one
    for (let i = 0; i < 6; i += 1) {
      expect(statusOf(await guess(throttled, 'password sign-in', loginId, client))).toBe(
        '429 rate_limited',
      );
    }
    await throttled.close();
    await limiting.close();
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push(statusOf(await guess(t.a, 'password sign-in', loginId, client)));
    expect(statuses).toEqual([
      ...Array(4).fill('401 invalid_credentials'),
      '429 too_many_attempts',
    ]);
  });
});

describe('Budgets: the account-wide window over every untrusted client', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp(BUDGETS);
  });
  afterAll(() => h.close());

  it('stops a distributed guesser at 20 failures an hour, whatever the clients', async () => {
    const loginId = newLoginId();
    const statuses = [];
    for (let i = 0; i < 22; i += 1)
      statuses.push(statusOf(await guess(h, 'password sign-in', loginId, newClient())));
    expect(statuses.slice(0, 20).every((s) => s === '401 invalid_credentials')).toBe(true);
    expect(statuses.slice(20)).toEqual(['429 too_many_attempts', '429 too_many_attempts']);
  });
});
