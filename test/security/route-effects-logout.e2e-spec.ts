import { randomInt } from 'node:crypto';
import { AppHarness, ApiRequest, ApiResponse, cookieValue, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';

const FRONTEND = 'https://app.example.com';
const newClient = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const ENV = { CORS_ORIGINS: FRONTEND, TRUST_PROXY: '1', RATE_LIMIT_IP_PER_MINUTE: '3' };

/**
 * Cookie clearing, a route effect: a logout's answer clears the cookies whatever it is (a refused
 * token, a refused body, a 429), but never for a request from another site, which must not be
 * able to log the user out.
 */
describe('Security: logout clears the cookies whatever the outcome, but never for another site', () => {
  let h: AppHarness;
  let dsr: string;
  /** A POST from a client address of its own (the request limit is 3 a minute). */
  const send = (path: string, request: ApiRequest) =>
    h.api('POST', path, {
      ...request,
      headers: { 'x-forwarded-for': newClient(), ...request.headers },
    });
  const signUp = async () => {
    const body = { loginId: uniqueEmail('logout'), password: STRONG_PASSWORD };
    return cookieValue((await send('/v1/password/signup', { body })).cookies.DSR)!;
  };
  beforeAll(async () => {
    h = await startApp({ ...ENV, TOKEN_DELIVERY: 'cookie', COOKIE_SAMESITE: 'lax' });
    dsr = await signUp();
  });
  afterAll(() => h.close());

  const logout = (path: string, headers: Record<string, string>, request: ApiRequest = {}) =>
    send(`/v1/session/${path}`, {
      cookies: { DS: 'x', DSR: dsr },
      ...request,
      headers: { ...headers, ...request.headers },
    });
  const cleared = (answer: ApiResponse) =>
    ['DS', 'DSR'].every((name) =>
      new RegExp(`^${name}=; Max-Age=0; Path=/; .*HttpOnly; SameSite=Lax$`).test(
        answer.cookies[name] ?? '',
      ),
    );

  const SAME_SITE = [{}, { origin: FRONTEND }, { 'sec-fetch-site': 'same-origin' }];
  const CROSS_SITE = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { referer: 'https://evil.example/page' },
  ];
  const OUTCOMES: [string, ApiRequest][] = [
    ['no token', { cookies: {} }],
    ['a garbage token', { cookies: { DSR: 'garbage' } }],
    ['a body that is not JSON', { body: 'x', headers: { 'content-type': 'text/plain' } }],
    ['malformed JSON', { body: '{"a":' }],
    ['a body over 64 KiB', { body: { pad: 'x'.repeat(70_000) } }],
  ];

  /** Each request as [headers, outcome, status, cleared]; the 4th from one client is 429. */
  async function attempts(path: string, sites: object[], outcomes: [string, ApiRequest][]) {
    const results = [];
    for (const headers of sites as Record<string, string>[]) {
      for (const [name, request] of outcomes) {
        const answer = await logout(path, headers, request);
        results.push([headers, name, answer.status, cleared(answer)]);
      }
      const client = { ...headers, 'x-forwarded-for': newClient() };
      for (let i = 0; i < 3; i += 1) await logout(path, client, { cookies: {} });
      const limited = await logout(path, client, { cookies: { DSR: 'garbage' } });
      results.push([headers, 'rate limited', limited.status, cleared(limited)]);
    }
    return results;
  }

  const statusesOf = (results: unknown[][], outcome: string) =>
    results.filter(([, name]) => name === outcome).map(([, , status]) => status);

  it.each(['logout', 'logout-all'])('%s: clears on every same-site outcome', async (path) => {
    const revoked = await signUp();
    const first = await logout(path, {}, { bearer: revoked, cookies: {} });
    expect([first.status, cleared(first)]).toEqual([204, true]);
    const outcomes: [string, ApiRequest][] = [['a revoked token', { cookies: { DSR: revoked } }]];
    const results = await attempts(path, SAME_SITE, [...OUTCOMES, ...outcomes]);
    expect(results.filter(([, , , done]) => !done)).toEqual([]);
    expect(statusesOf(results, 'rate limited')).toEqual(Array(SAME_SITE.length).fill(429));
  });

  it.each(['logout', 'logout-all'])('%s: never clears for another site', async (path) => {
    const valid: [string, ApiRequest] = ['a valid token', {}];
    const results = await attempts(path, CROSS_SITE, [valid, ...OUTCOMES]);
    expect(results.filter(([, , , done]) => done)).toEqual([]);
    expect(statusesOf(results, 'a valid token')).toEqual(Array(CROSS_SITE.length).fill(403));
    expect(statusesOf(results, 'rate limited')).toEqual(Array(CROSS_SITE.length).fill(429));
    const refresh = await send('/v1/session/refresh', { bearer: dsr });
    expect(refresh.status).toBe(200); // the session survived every attempt
  });
});
