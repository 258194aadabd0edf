import { AuthApiError, AuthClient, AuthTimeoutError, createAuthClient } from '@app/client';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateSync } from 'otplib';
import { AppHarness, startApp } from './support/app-harness';
import { decodeJwt, STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';
import { RouteCoverage } from './support/route-coverage';

const METRICS_TOKEN = 'metrics-token-0123456789';
const totpCode = (key: string) => generateSync({ secret: key });
const uniquePhone = () => `+1555${Math.floor(1e6 + Math.random() * 8.9e6)}`;

/** The rejection of `promise`, which must be an AuthApiError. */
async function apiError(promise: Promise<unknown>): Promise<AuthApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthApiError);
  return error as AuthApiError;
}

/**
 * libs/client against the running service and its embedded emulator: every route of openapi.json
 * through the client (a recording fetch notes each one and its status), errors as AuthApiError,
 * the timeout, and the tokens the client keeps.
 */
describe('The typed client (libs/client)', () => {
  let h: AppHarness;
  const coverage = new RouteCoverage();
  const client = (): AuthClient =>
    createAuthClient({ baseUrl: h.url, timeoutMs: 10_000, fetch: coverage.fetch });
  const code = async (loginId: string) => (await h.outbox(loginId))[0].code!;

  beforeAll(async () => {
    h = await startApp({
      METRICS_TOKEN,
      ALLOWED_REDIRECT_ORIGINS: 'https://app.example.com',
    });
    await h.management.management.tenant.createWithId('client-tenant', 'Client Tenant');
  });
  afterAll(() => h.close());

  it('reads the probes and, with METRICS_TOKEN, the metrics', async () => {
    const auth = client();
    expect(await auth.health.live()).toEqual({ status: 'ok' });
    expect((await auth.health.ready()).status).toEqual(expect.any(String));
    expect(await auth.health.metrics(METRICS_TOKEN)).toContain('http_requests_total');
    const refused = await apiError(auth.health.metrics(`${METRICS_TOKEN}x`));
    expect([refused.status, refused.code]).toEqual([401, 'token_invalid']);
  });

  describe('one password user, start to end', () => {
    const loginId = uniqueEmail('client');
    /** The client of this user: each test starts where the one before left off. */
    let user: AuthClient;

    it('signs up and keeps the tokens; a second sign-up is a 409 AuthApiError', async () => {
      user = client();
      expect((await user.password.policy()).minLength).toEqual(expect.any(Number));
      const signUp = await user.password.signUp({ loginId, password: STRONG_PASSWORD });
      expect(signUp).toMatchObject({ firstSeen: true, user: { loginIds: [loginId] } });
      expect(user.getTokens()).toEqual({
        sessionJwt: signUp.sessionJwt,
        refreshJwt: signUp.refreshJwt,
      });
      const again = await apiError(
        client().password.signUp({ loginId, password: STRONG_PASSWORD }),
      );
      expect(again).toMatchObject({ status: 409, type: 'urn:problem:user_exists' });
      expect([again.code, again.title, again.detail]).toEqual([
        'user_exists',
        expect.any(String),
        expect.any(String),
      ]);
    });

    it('signs in (401 for a wrong password), then reads and validates the session', async () => {
      const wrong = await apiError(user.password.signIn({ loginId, password: 'Wrong-pass-1' }));
      expect([wrong.status, wrong.type]).toEqual([401, 'urn:problem:invalid_credentials']);
      const signIn = await user.password.signIn({ loginId, password: STRONG_PASSWORD });
      expect(user.getTokens().deviceToken).toBe(signIn.deviceToken);
      const session = await user.session.current();
      expect(session).toMatchObject({ userId: signIn.user!.userId, amr: ['pwd'] });
      const validated = await client().session.validate({ sessionJwt: signIn.sessionJwt! });
      expect(validated.userId).toBe(session.userId);
    });

    it('refreshes with the held refresh token and reads the user', async () => {
      const before = user.getTokens().refreshJwt;
      const refreshed = await user.refresh();
      expect(decodeJwt(refreshed.sessionJwt!).payload.drn).toBe('DS');
      expect(user.getTokens().sessionJwt).toBe(refreshed.sessionJwt);
      expect(user.getTokens().refreshJwt).toBe(refreshed.refreshJwt ?? before);
      expect(await user.session.me()).toMatchObject({ loginIds: [loginId], password: true });
    });

    it('updates, then replaces the password', async () => {
      await user.password.update({ loginId, newPassword: 'Updated-Pass2' });
      expect(user.getTokens().deviceToken).toBeUndefined();
      const replaced = await user.password.replace({
        loginId,
        oldPassword: 'Updated-Pass2',
        newPassword: 'Replaced-Pass3',
      });
      expect(replaced.sessionJwt).toEqual(expect.any(String));
    });

    it('verifies the email by an OTP update, then resets the password by the link', async () => {
      const sent = await user.otp.updateEmail({ loginId, email: loginId });
      expect(sent.maskedAddress).toMatch(/\*\*\*@example\.com$/);
      const verified = await user.otp.verify('email', { loginId, code: await code(loginId) });
      expect(verified.user?.verifiedEmail).toBe(true);
      const redirectUrl = 'https://app.example.com/reset';
      expect(await user.password.sendReset({ loginId, redirectUrl })).toEqual({
        message: expect.any(String),
      });
      const token = new URL((await h.outbox(loginId))[0].link!).searchParams.get('t')!;
      const reset = await user.password.completeReset({ token, newPassword: 'After-Reset-4' });
      expect(user.getTokens().sessionJwt).toBe(reset.sessionJwt);
    });

    it('selects a tenant', async () => {
      const { userId } = await user.session.me();
      await h.management.management.user.addTenant(userId, 'client-tenant');
      const selected = await user.session.selectTenant({ tenant: 'client-tenant' });
      expect(decodeJwt(selected.sessionJwt!).payload.dct).toBe('client-tenant');
      expect((await user.session.current()).currentTenant).toBe('client-tenant');
    });

    it('adds a phone and an authenticator app, and steps up with it', async () => {
      const phone = uniquePhone();
      expect(await user.otp.updatePhone('sms', { loginId, phone })).toHaveProperty('maskedAddress');
      await user.otp.verify('sms', { loginId, code: await code(loginId) });
      expect(await user.session.me()).toMatchObject({ phone, verifiedPhone: true });
      const { key } = await user.totp.update({ loginId });
      const stepped = await user.totp.verify({
        loginId,
        code: totpCode(key),
        loginOptions: { stepup: true },
      });
      expect(decodeJwt(stepped.sessionJwt!).payload).toMatchObject({ su: true });
      expect((await user.session.current()).steppedUp).toBe(true);
    });

    it('logs out: the tokens are forgotten, the old refresh token refused', async () => {
      const { refreshJwt } = user.getTokens();
      await user.session.logout();
      expect(user.getTokens()).not.toHaveProperty('refreshJwt');
      const missing = await apiError(user.session.current());
      expect([missing.status, missing.code]).toEqual([401, 'token_missing']);
      user.setTokens({ refreshJwt });
      const revoked = await apiError(user.session.me());
      expect([revoked.status, revoked.type]).toEqual([401, 'urn:problem:token_invalid']);
    });

    it('logs out everywhere', async () => {
      await user.password.signIn({ loginId, password: 'After-Reset-4' });
      await user.session.logoutAll();
      expect(user.getTokens()).toEqual({});
    });
  });

  it('signs up and in by email code', async () => {
    const loginId = uniqueEmail('otp');
    const auth = client();
    expect((await auth.otp.signUp('email', { loginId })).maskedAddress).toContain('@example.com');
    expect((await auth.otp.verify('email', { loginId, code: await code(loginId) })).firstSeen).toBe(
      true,
    );
    await auth.otp.signIn('email', { loginId });
    const signIn = await auth.otp.verify('email', { loginId, code: await code(loginId) });
    expect(signIn.firstSeen).toBe(false);
    const other = uniqueEmail('otp');
    await auth.otp.signUpOrIn('email', { loginId: other });
    expect((await h.outbox(other))[0].code).toMatch(/^\d{6}$/);
  });

  it('enrols an authenticator app and signs in with its code; 400 names the bad field', async () => {
    const loginId = uniqueEmail('totp');
    const auth = client();
    const { key, provisioningURL } = await auth.totp.signUp({ loginId });
    expect(provisioningURL).toContain(`secret=${key}`);
    const signIn = await auth.totp.verify({ loginId, code: totpCode(key) });
    expect(signIn.user?.TOTP).toBe(true);
    const bad = await apiError(auth.totp.verify({ loginId, code: '12345' }));
    expect([bad.status, bad.type, bad.errors?.map((e) => e.field)]).toEqual([
      400,
      'urn:problem:invalid_request',
      ['code'],
    ]);
  });

  it('rejects with AuthTimeoutError when the service does not answer in time', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const slow = createAuthClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 });
      const started = Date.now();
      const error = await slow.health.live().catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(AuthTimeoutError);
      expect(error).toMatchObject({ route: 'GET /health/live', timeoutMs: 200 });
      expect(Date.now() - started).toBeLessThan(2000);
      // A fetch that ignores the signal cannot hold the caller past the timeout either.
      const deaf = createAuthClient({
        baseUrl: h.url,
        timeoutMs: 100,
        fetch: () => new Promise(() => undefined),
      });
      await expect(deaf.session.me()).rejects.toBeInstanceOf(AuthTimeoutError);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('turns an answer that is not problem+json into an AuthApiError too', async () => {
    const proxy = createAuthClient({
      baseUrl: h.url,
      timeoutMs: 1000,
      fetch: () =>
        Promise.resolve(
          new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
        ),
    });
    const error = await apiError(proxy.health.ready());
    expect(error).toMatchObject({ status: 502, type: 'about:blank', title: 'Bad Gateway' });
    expect(error.problem).toBeUndefined();
  });

  // Last: it counts the requests of every test above.
  it('went through every route of openapi.json, each answering a documented status', () => {
    expect(coverage.unused()).toEqual([]);
    expect(coverage.undocumented).toEqual([]);
    expect(coverage.undocumentedStatuses()).toEqual([]);
  });
});
