import { generateSync } from 'otplib';
import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';

const SAMPLES = 30;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const withoutId = ({ body }: ApiResponse) => ({ ...body, requestId: undefined });

/**
 * Times `count` requests of two kinds, interleaved in concurrent batches so both kinds see the
 * same load, and answers each kind's median in ms.
 */
async function medians(
  count: number,
  batch: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
) {
  const times: [number[], number[]] = [[], []];
  const timed = async (send: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await send();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < count; i += batch / 2) {
    const pairs = Array.from({ length: batch / 2 }, () => [timed(a, times[0]), timed(b, times[1])]);
    await Promise.all(pairs.flat());
  }
  return times.map(median);
}

describe('Security: the answers say nothing about which accounts exist', () => {
  let h: AppHarness;
  const signUp = async (loginId = uniqueEmail('known')) => {
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    return loginId;
  };
  const post = (path: string, body: object) => h.api('POST', path, { body });

  beforeAll(async () => {
    h = await startApp({ AUTH_FAILURE_MIN_MS: '300' }, { maxWrongCodes: 3 });
  });
  afterAll(() => h.close());

  it('answers every failed password sign-in and replace with one body', async () => {
    const known = await signUp();
    const codeOnly = uniqueEmail('otp-only');
    await h.management.management.user.create(codeOnly, { email: codeOnly });
    for (const path of ['/v1/password/signin', '/v1/password/replace']) {
      const body = (loginId: string, password: string) =>
        path.endsWith('signin')
          ? { loginId, password }
          : { loginId, oldPassword: password, newPassword: STRONG_PASSWORD };
      const answers = await Promise.all([
        post(path, body(known, 'Wrong-Pass-1')),
        post(path, body(uniqueEmail('nobody'), 'Wrong-Pass-1')),
        post(path, body(codeOnly, 'Wrong-Pass-1')),
      ]);
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
      expect(new Set(answers.map((a) => JSON.stringify(withoutId(a)))).size).toBe(1);
      expect(answers[0].body).not.toHaveProperty('descopeCode');
    }
  });

  it('answers every failed OTP verify with one body: unknown user, wrong code, locked code', async () => {
    const known = uniqueEmail('otp');
    await post('/v1/otp/signup/email', { loginId: known });
    const code = (await h.outbox(known))[0].code!;
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: ApiResponse[] = [
      await post('/v1/otp/verify/email', { loginId: uniqueEmail('ghost'), code }),
    ];
    for (let i = 0; i < 4; i += 1)
      answers.push(await post('/v1/otp/verify/email', { loginId: known, code: wrong }));
    answers.push(await post('/v1/otp/verify/email', { loginId: known, code })); // locked: the right code
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(401));
    expect(new Set(answers.map((a) => JSON.stringify(withoutId(a)))).size).toBe(1);
  });

  it('answers every failed TOTP verify with one body: unknown user, no app, wrong code, locked', async () => {
    const enrolled = uniqueEmail('totp');
    const { body } = await post('/v1/totp/signup', { loginId: enrolled });
    const right = generateSync({ secret: body.key });
    const wrong = right === '000000' ? '111111' : '000000';
    const noApp = await signUp();
    const answers = [
      await post('/v1/totp/verify', { loginId: uniqueEmail('ghost'), code: wrong }),
      await post('/v1/totp/verify', { loginId: noApp, code: wrong }),
    ];
    for (let i = 0; i < 3; i += 1)
      answers.push(await post('/v1/totp/verify', { loginId: enrolled, code: wrong }));
    answers.push(await post('/v1/totp/verify', { loginId: enrolled, code: right })); // locked
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(401));
    expect(new Set(answers.map((a) => JSON.stringify(withoutId(a)))).size).toBe(1);
    expect(answers[0].body).not.toHaveProperty('descopeCode');
  });

  it('answers sends and resets alike for known and unknown login ids', async () => {
    const known = await signUp(uniqueEmail('sends'));
    const ghost = uniqueEmail('ghost');
    const username = `user${Date.now()}`;
    await h.management.management.user.create(username, { email: `${username}@corp.example` });
    const pairs: [string, object, object][] = [
      ['/v1/password/reset', { loginId: known }, { loginId: ghost }],
      ['/v1/otp/signup/email', { loginId: known }, { loginId: ghost }],
      ['/v1/otp/signin/email', { loginId: username }, { loginId: `${username}x` }],
      ['/v1/otp/signup-in/sms', { loginId: '+14155550142' }, { loginId: '+14155550143' }],
    ];
    for (const [path, a, b] of pairs) {
      const [first, second] = [await post(path, a), await post(path, b)];
      expect([path, first.status, Object.keys(first.body)]).toEqual([
        path,
        202,
        Object.keys(second.body),
      ]);
    }
    const completions = await Promise.all([
      post('/v1/password/reset/complete', { token: 'forged-token', newPassword: STRONG_PASSWORD }),
      post('/v1/password/reset/complete', { token: 'another-one', newPassword: STRONG_PASSWORD }),
    ]);
    expect(JSON.stringify(withoutId(completions[0]))).toBe(
      JSON.stringify(withoutId(completions[1])),
    );
  });

  it("answers a step-up naming another user's login id alike, whether that account exists or not", async () => {
    const mallory = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail('mallory'), password: STRONG_PASSWORD },
    });
    const victim = uniqueEmail('victim');
    const { body } = await post('/v1/totp/signup', { loginId: victim });
    const bearer = mallory.body.refreshJwt as string;
    for (const [path, extra] of [
      ['/v1/otp/signin/email', { loginOptions: { stepup: true } }],
      [
        '/v1/totp/verify',
        { code: generateSync({ secret: body.key }), loginOptions: { mfa: true } },
      ],
    ] as const) {
      const answers = await Promise.all(
        [victim, uniqueEmail('nobody')].map((loginId) =>
          h.api('POST', path, { bearer, body: { loginId, ...extra } }),
        ),
      );
      expect([path, ...answers.map((a) => a.status)]).toEqual([path, 403, 403]);
      expect(JSON.stringify(withoutId(answers[0]))).toBe(JSON.stringify(withoutId(answers[1])));
    }
  });

  it('answers sign-up-or-in for an account without an address on the channel like any other', async () => {
    const noEmail = uniqueEmail('no-email');
    await h.management.management.user.create(noEmail, { phone: '+14155550177' });
    const [known, unknown] = await Promise.all([
      post('/v1/otp/signup-in/email', { loginId: noEmail }),
      post('/v1/otp/signup-in/email', { loginId: uniqueEmail('nobody') }),
    ]);
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(Object.keys(known.body)).toEqual(Object.keys(unknown.body));
  });

  it('answers unknown users and wrong passwords in the same time (default floor)', async () => {
    const accounts = await Promise.all(Array.from({ length: SAMPLES }, () => signUp()));
    const [unknown, wrong] = await medians(
      SAMPLES * 2,
      10,
      () =>
        post('/v1/password/signin', { loginId: uniqueEmail('nobody'), password: 'Wrong-Pass-1' }),
      () => post('/v1/password/signin', { loginId: accounts.pop()!, password: 'Wrong-Pass-1' }),
    );
    console.log(
      `sign-in medians, default floor: unknown ${unknown.toFixed(0)} ms, wrong ${wrong.toFixed(0)} ms`,
    );
    expect(Math.abs(unknown - wrong) / Math.max(unknown, wrong)).toBeLessThan(0.15);
    expect(Math.min(unknown, wrong)).toBeGreaterThanOrEqual(290);
  }, 30_000);
});

describe('Security: the emulator does equal work for unknown and known login ids', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp({ AUTH_FAILURE_MIN_MS: '0' });
  });
  afterAll(() => h.close());

  it('answers unknown users and wrong passwords in similar time with no floor', async () => {
    const accounts: string[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const loginId = uniqueEmail('known');
      await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
      accounts.push(loginId);
    }
    const signIn = (loginId: string) =>
      h.api('POST', '/v1/password/signin', { body: { loginId, password: 'Wrong-Pass-1' } });
    const [unknown, wrong] = await medians(
      SAMPLES * 2,
      2,
      () => signIn(uniqueEmail('nobody')),
      () => signIn(accounts.pop()!),
    );
    console.log(
      `sign-in medians, no floor: unknown ${unknown.toFixed(1)} ms, wrong ${wrong.toFixed(1)} ms`,
    );
    expect(Math.abs(unknown - wrong) / Math.max(unknown, wrong)).toBeLessThan(0.5);
  }, 30_000);
});
