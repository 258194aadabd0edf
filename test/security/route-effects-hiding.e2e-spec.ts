import { generateSync } from 'otplib';
import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { LogCapture } from '../support/log-capture';
import { inOrder, pw, SECRET_ROUTES, secretAttempts, WRONG } from '../support/secret-attempts';

const FLOOR_MS = 300;

/**
 * The account-hiding and audit route effects, attacked as a client would: other spellings of a
 * login id, another content type, locked codes and the guessing budget. Every failure of a secret
 * must read the same (bytes, status, headers, no sooner than AUTH_FAILURE_MIN_MS), and the audit
 * keeps the real cause and no secret.
 */
describe('Security: account hiding and audit against a hostile client', () => {
  let h: AppHarness;
  const logs = new LogCapture();
  const { attempt, expectOneAnswer, expectNoSecrets } = secretAttempts(() => h, logs, FLOOR_MS);
  const signUp = (loginId: string) =>
    h.api('POST', '/v1/password/signup', { body: pw(loginId, STRONG_PASSWORD) });

  beforeAll(async () => {
    const env = { AUTH_FAILURE_MIN_MS: String(FLOOR_MS), AUTH_FAILURES_PER_ACCOUNT: '5/1h' };
    h = await startApp(env, { maxWrongCodes: 2 }, logs);
  });
  afterAll(() => h.close());

  it('answers every failed password sign-in and replace alike: spellings, content types', async () => {
    const [a, b] = [uniqueEmail('pw'), uniqueEmail('pw')];
    await Promise.all([signUp(a), signUp(b)]);
    const [signIn, replace] = SECRET_ROUTES.map(
      ([path, body]) =>
        (id: string, type?: string) =>
          attempt(path, body(id), type ? { 'content-type': type } : {}),
    );
    const answers = await Promise.all([
      ...[a, uniqueEmail('nobody'), a.toUpperCase(), `\u3000 ${a}\u00a0`].map((id) => signIn(id)),
      signIn(`\uff21${a}`), // a fullwidth letter: another, unknown, login id
      signIn(a, 'application/json; charset=utf-8'),
      ...[b, uniqueEmail('nobody'), b.toUpperCase()].map((id) => replace(id)),
    ]);
    expectOneAnswer(answers, 'invalid_credentials');
    expect(new Set(answers.map((x) => x.cause))).toEqual(new Set(['invalid_credentials']));
    expectNoSecrets([a, b, a.toUpperCase(), WRONG, STRONG_PASSWORD]);
  });

  it('answers every failed code alike, a locked code too, and audits the lock as locked', async () => {
    const [otp, totp, noApp] = [uniqueEmail('otp'), uniqueEmail('totp'), uniqueEmail('no-app')];
    await h.api('POST', '/v1/otp/signup/email', { body: { loginId: otp } });
    const code = (await h.outbox(otp))[0].code!;
    const { body } = await h.api('POST', '/v1/totp/signup', { body: { loginId: totp } });
    await signUp(noApp);
    const right = generateSync({ secret: body.key });
    const wrong = (c: string) => (c === '000000' ? '111111' : '000000');
    const verify = (path: string, loginId: string, c: string) => () =>
      attempt(path, { loginId, code: c });
    const [email, totpPath] = ['/v1/otp/verify/email', '/v1/totp/verify'];
    const reset = (token: string) => () =>
      attempt('/v1/password/reset/complete', { token, newPassword: STRONG_PASSWORD });
    const [otps, totps, resets] = await Promise.all([
      inOrder([
        verify(email, uniqueEmail('ghost'), code),
        verify('/v1/otp/verify/sms', '+14155550100', code),
        verify(email, otp.toUpperCase(), wrong(code)),
        verify(email, otp, wrong(code)), // the second wrong code locks it
        verify(email, otp, code),
      ]),
      inOrder([
        verify(totpPath, uniqueEmail('ghost'), right),
        verify(totpPath, noApp, right),
        verify(totpPath, totp, wrong(right)),
        verify(totpPath, totp, wrong(right)),
        verify(totpPath, totp, right),
      ]),
      inOrder([reset('forged'), reset('x'.repeat(200)), reset(`${code}${right}`)]),
    ]);
    for (const group of [otps, totps, resets]) expectOneAnswer(group, 'invalid_code');
    expect(otps.map((x) => x.cause).join()).toBe(
      'invalid_code,invalid_code,invalid_code,locked,invalid_code',
    );
    // The emulator names an unknown TOTP user (E062108), and keeps a locked one locked.
    expect(totps.map((x) => x.cause).join()).toBe(
      'invalid_credentials,invalid_code,invalid_code,locked,locked',
    );
    expectNoSecrets([otp, totp, noApp, code, right, body.key]);
  });

  it('spends the guessing budget alike for known and unknown ids; then refuses the right password', async () => {
    const [known, ghost] = [uniqueEmail('budget'), uniqueEmail('ghost')];
    await signUp(known);
    const signIn = (id: string, password?: string) =>
      attempt('/v1/password/signin', pw(id, password));
    await Promise.all([known, ghost].flatMap((id) => Array.from({ length: 5 }, () => signIn(id))));
    const spent = [await signIn(known), await signIn(ghost), await signIn(known, STRONG_PASSWORD)];
    const alike = spent.map(({ view: { status, shown, text }, cause }) => [
      [status, cause, text.replace(/"retryAfter":\d+/, '')],
      shown.filter(([name]) => name !== 'retry-after'),
    ]);
    expect(alike).toEqual(Array(3).fill(alike[0]));
    expect(alike[0][0].slice(0, 2)).toEqual([429, 'locked']);
    expect(spent.map((a) => a.answer.body.code)).toEqual(Array(3).fill('too_many_attempts'));
    const waits = spent.map((a) => Number(a.answer.headers.get('retry-after')));
    expect(Math.max(...waits) - Math.min(...waits)).toBeLessThanOrEqual(1);
  });
});
