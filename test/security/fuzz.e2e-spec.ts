import fc from 'fast-check';
import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { bodyRoutes } from '../support/routes';

const SEED = 424242;
const RUNS_PER_ROUTE = 1000;
const TIME_BOUND_MS = 2000;
/** A value no answer may ever contain: it stands for a password, code or token that was sent. */
const CANARY = 'Canary-Secret-7f3a91';

/** Fields whose values are secrets: they carry the canary. The others may be echoed (login ids). */
const SECRET_FIELDS = ['password', 'newPassword', 'oldPassword', 'code', 'token', 'sessionJwt'];
const OTHER_FIELDS = [
  'loginId',
  'email',
  'phone',
  'tenant',
  'user',
  'loginOptions',
  'signUpOptions',
];
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'];
const OTHER_TYPES = [
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
  'application/xml',
  '',
];

const canaryString = fc.constantFrom(
  CANARY,
  `${CANARY}@example.com`,
  `+1${CANARY}`,
  `${CANARY}.x.y`,
);
const weirdString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '\ud800',
    'x'.repeat(20_000),
    '{"$ne":""}',
    '__proto__',
  ),
);
const value = fc.oneof(weirdString, fc.jsonValue({ maxDepth: 3 }), fc.constant(null));
const fieldObject = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...SECRET_FIELDS), fc.oneof(canaryString, value), { maxKeys: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...OTHER_FIELDS), fc.string({ maxLength: 10 })), value, {
      maxKeys: 4,
    }),
  )
  .map(([secrets, others]) => ({ ...others, ...secrets }));

/** Raw bodies: each a JSON or not-quite-JSON text, or raw bytes. */
const rawBody = fc.oneof(
  { weight: 6, arbitrary: fieldObject.map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 30, max: 4000 })
      .map((d) => `{"loginId":${'['.repeat(d)}${']'.repeat(d)}}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('__proto__', 'constructor', 'prototype')
      .map((k) => `{"${k}":{"isAdmin":true},"password":"${CANARY}"}`),
  },
  {
    weight: 1,
    arbitrary: fc.constant(`{"loginId":"a@example.com","password":"x","password":"${CANARY}"}`),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constant(`{"password":"${CANARY}","pad":"${'y'.repeat(70_000)}"}`) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 60 }).map((s) => `{"code":"${CANARY}","loginId":${s}`),
  },
);
const requestArb = fc.record({
  body: rawBody,
  contentType: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...JSON_TYPES) },
    { weight: 1, arbitrary: fc.constantFrom(...OTHER_TYPES) },
  ),
  withToken: fc.boolean(),
});

describe('Security: fuzzing every POST route', () => {
  let h: AppHarness;
  let refreshJwt: string;
  let routes: string[];
  const bodyless = ['/v1/session/refresh', '/v1/session/logout', '/v1/session/logout-all'];
  const tally: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    h = await startApp();
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail('fuzz'), password: STRONG_PASSWORD },
    });
    refreshJwt = body.refreshJwt;
    routes = [...(await bodyRoutes(h)), ...bodyless];
  });
  afterAll(async () => {
    const rows = Object.entries(tally).map(
      ([route, counts]) => `${route} ${JSON.stringify(counts)}`,
    );
    console.log(
      `fuzz (seed ${SEED} + route index, ${RUNS_PER_ROUTE} per route):\n${rows.join('\n')}`,
    );
    await h.close();
  });

  it('answers every generated request with 2xx or 4xx, in time, never echoing a secret', async () => {
    for (const [index, path] of routes.entries()) {
      const counts: Record<string, number> = (tally[path] = {});
      await fc.assert(
        fc.asyncProperty(requestArb, async ({ body, contentType, withToken }) => {
          const headers: Record<string, string> = contentType
            ? { 'content-type': contentType }
            : {};
          // Bodyless routes would log the token out: they get none, and answer 401 or 4xx.
          if (withToken && !bodyless.includes(path)) headers.authorization = `Bearer ${refreshJwt}`;
          const started = performance.now();
          const response = await h.app.inject({
            method: 'POST',
            url: path,
            headers,
            payload: body,
          });
          const elapsed = performance.now() - started;
          counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
          return (
            response.statusCode < 500 &&
            elapsed < TIME_BOUND_MS &&
            !response.body.includes(CANARY) &&
            response.headers['content-type'] !== undefined
          );
        }),
        { seed: SEED + index, numRuns: RUNS_PER_ROUTE },
      );
    }
    const bodyRouteCounts = routes.filter((p) => !bodyless.includes(p)).map((p) => tally[p]);
    const all = bodyRouteCounts.reduce(
      (sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0),
      0,
    );
    const validation = bodyRouteCounts.reduce((sum, c) => sum + (c['400'] ?? 0), 0);
    expect(validation / all).toBeGreaterThan(0.5); // mostly validation answers, as intended
  }, 240_000);
});
