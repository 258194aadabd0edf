import { ApiResponse, AppHarness, startApp } from './support/app-harness';
import { decodeJwt, STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';
import { verifyEmail } from './support/verify-email';

/** The whole password and session journey over HTTP, AppModule against the emulator. */
describe('Service: password and session flow', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp({ ALLOWED_REDIRECT_ORIGINS: 'https://app.example.com' });
  });
  afterAll(() => h.close());

  /** One user's journey, step by step: each test starts where the one before left off. */
  describe('sign-up → sign-in → session → validate → refresh → me → update → replace → reset → tenant → logout', () => {
    const loginId = uniqueEmail('flow');
    let signUp: ApiResponse;
    let sessionJwt: string;
    let refreshJwt: string;
    let signInAfterReset: ApiResponse;

    it('signs up', async () => {
      await h.management.management.tenant.createWithId('flow-tenant', 'Flow Tenant');
      signUp = await h.api('POST', '/v1/password/signup', {
        body: { loginId, password: STRONG_PASSWORD, user: { name: 'Ada' } },
      });
      expect(signUp.status).toBe(201);
      expect(signUp.body).toMatchObject({
        firstSeen: true,
        user: { loginIds: [loginId], name: 'Ada' },
      });
      // The algorithm the emulator signs with: `npm test` runs this suite under ES384 too.
      const alg = process.env.EMULATOR_SIGNING_ALG ?? 'RS256';
      expect(decodeJwt(signUp.body.sessionJwt).header.alg).toBe(alg);
      expect(signUp.body.sessionExpiresAt).toBe(decodeJwt(signUp.body.sessionJwt).payload.exp);
      expect(signUp.body.refreshExpiresAt).toBe(decodeJwt(signUp.body.refreshJwt).payload.exp);
      expect(signUp.body).not.toHaveProperty('cookies');
    });

    it('signs in and reads the session by bearer and by cookie', async () => {
      const signIn = await h.api('POST', '/v1/password/signin', {
        body: { loginId, password: STRONG_PASSWORD },
      });
      expect(signIn.status).toBe(200);
      ({ sessionJwt, refreshJwt } = signIn.body);

      const byBearer = await h.api('GET', '/v1/session', { bearer: sessionJwt });
      expect(byBearer.status).toBe(200);
      expect(byBearer.body).toMatchObject({ userId: signUp.body.user.userId, amr: ['pwd'] });
      expect(byBearer.body).not.toHaveProperty('jwt');
      const byCookie = await h.api('GET', '/v1/session', { cookies: { DS: sessionJwt } });
      expect(byCookie.body.userId).toBe(signUp.body.user.userId);
    });

    it('validates the session for another service', async () => {
      const validated = await h.api('POST', '/v1/session/validate', { body: { sessionJwt } });
      expect(validated.status).toBe(200);
      expect(validated.body.sessionExpiresAt).toBe(decodeJwt(sessionJwt).payload.exp);
    });

    it('refreshes from the DSR cookie and reads the user from the bearer', async () => {
      const refreshed = await h.api('POST', '/v1/session/refresh', {
        cookies: { DSR: refreshJwt },
      });
      expect(refreshed.status).toBe(200);
      expect(decodeJwt(refreshed.body.sessionJwt).payload.drn).toBe('DS');

      const me = await h.api('GET', '/v1/session/me', { bearer: refreshJwt });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ loginIds: [loginId], password: true });
    });

    it('updates the password with the refresh token: the old one stops working', async () => {
      const update = await h.api('POST', '/v1/password/update', {
        bearer: refreshJwt,
        body: { loginId, newPassword: 'Updated-Pass2' },
      });
      expect(update.status).toBe(204);
      const oldFails = await h.api('POST', '/v1/password/signin', {
        body: { loginId, password: STRONG_PASSWORD },
      });
      expect([oldFails.status, oldFails.body.code]).toEqual([401, 'invalid_credentials']);
    });

    it('replaces the password, proving the old one', async () => {
      const replaced = await h.api('POST', '/v1/password/replace', {
        body: { loginId, oldPassword: 'Updated-Pass2', newPassword: 'Replaced-Pass3' },
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body.sessionJwt).toEqual(expect.any(String));
    });

    it('sends no reset link until the email is verified (202 either way)', async () => {
      const reset = await h.api('POST', '/v1/password/reset', { body: { loginId } });
      expect(reset.status).toBe(202);
      expect(await h.outbox(loginId)).toEqual([]);
      await verifyEmail(h, loginId, refreshJwt);
    });

    it('resets the password through the link, once', async () => {
      const reset = await h.api('POST', '/v1/password/reset', {
        body: { loginId, redirectUrl: 'https://app.example.com/reset' },
      });
      expect(reset.status).toBe(202);
      const [message] = await h.outbox(loginId);
      expect(message.kind).toBe('password-reset');
      expect(message.link).toMatch(/^https:\/\/app\.example\.com\/reset\?t=/);
      const token = new URL(message.link!).searchParams.get('t');
      const completed = await h.api('POST', '/v1/password/reset/complete', {
        body: { token, newPassword: 'After-Reset-4' },
      });
      expect(completed.status).toBe(200);
      signInAfterReset = await h.api('POST', '/v1/password/signin', {
        body: { loginId, password: 'After-Reset-4' },
      });
      expect(signInAfterReset.status).toBe(200);
      const reused = await h.api('POST', '/v1/password/reset/complete', {
        body: { token, newPassword: 'Again-Reset-5' },
      });
      expect([reused.status, reused.body.code]).toEqual([401, 'invalid_code']);
    });

    it('selects a tenant: the new session carries it', async () => {
      const user = signUp.body.user;
      await h.management.management.user.addTenant(user.userId, 'flow-tenant');
      const tenant = await h.api('POST', '/v1/session/tenant', {
        bearer: signInAfterReset.body.refreshJwt,
        body: { tenant: 'flow-tenant' },
      });
      expect(tenant.status).toBe(200);
      expect(decodeJwt(tenant.body.sessionJwt).payload.dct).toBe('flow-tenant');
      const tenantSession = await h.api('GET', '/v1/session', { bearer: tenant.body.sessionJwt });
      expect(tenantSession.body.currentTenant).toBe('flow-tenant');
    });

    it('logs out: cookies cleared, the refresh token refused, even on a second logout', async () => {
      const logout = await h.api('POST', '/v1/session/logout', {
        cookies: { DSR: signInAfterReset.body.refreshJwt },
      });
      expect(logout.status).toBe(204);
      expect(logout.cookies.DS).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
      expect(logout.cookies.DSR).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
      const again = await h.api('POST', '/v1/session/logout', {
        cookies: { DSR: signInAfterReset.body.refreshJwt },
      });
      expect([again.status, again.body.code]).toEqual([401, 'token_invalid']);
      expect(again.cookies.DS).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
      const afterLogout = await h.api('POST', '/v1/session/refresh', {
        cookies: { DSR: signInAfterReset.body.refreshJwt },
      });
      expect([afterLogout.status, afterLogout.body.code]).toEqual([401, 'token_invalid']);
    });

    it('logs out everywhere: every refresh token of the user is refused', async () => {
      const a = await h.api('POST', '/v1/password/signin', {
        body: { loginId, password: 'After-Reset-4' },
      });
      const b = await h.api('POST', '/v1/password/signin', {
        body: { loginId, password: 'After-Reset-4' },
      });
      expect(
        (await h.api('POST', '/v1/session/logout-all', { bearer: a.body.refreshJwt })).status,
      ).toBe(204);
      expect(
        (await h.api('POST', '/v1/session/refresh', { bearer: b.body.refreshJwt })).status,
      ).toBe(401);
      expect(
        (await h.api('POST', '/v1/session/refresh', { bearer: a.body.refreshJwt })).status,
      ).toBe(401);
    });
  });

  it('refuses a refresh token where a session token is needed, and the reverse', async () => {
    const loginId = uniqueEmail('kind');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    const wrongForSession = await h.api('GET', '/v1/session', { bearer: body.refreshJwt });
    expect([wrongForSession.status, wrongForSession.body.code]).toEqual([401, 'token_invalid']);
    const wrongValidate = await h.api('POST', '/v1/session/validate', {
      body: { sessionJwt: body.refreshJwt },
    });
    expect(wrongValidate.body.code).toBe('token_invalid');
    const wrongForRefresh = await h.api('POST', '/v1/session/refresh', { bearer: body.sessionJwt });
    expect([wrongForRefresh.status, wrongForRefresh.body.code]).toEqual([401, 'token_invalid']);
    const none = await h.api('GET', '/v1/session');
    expect([none.status, none.body.code]).toEqual([401, 'token_missing']);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
  });

  it('prefers the DSR cookie over a bearer session token on refresh routes', async () => {
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail(), password: STRONG_PASSWORD },
    });
    const refreshed = await h.api('POST', '/v1/session/refresh', {
      bearer: body.sessionJwt,
      cookies: { DSR: body.refreshJwt },
    });
    expect(refreshed.status).toBe(200);
  });

  it('answers the same 401 for an unknown user and a wrong password', async () => {
    const loginId = uniqueEmail();
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    const wrong = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: 'Wrong-Pass-1' },
    });
    const unknown = await h.api('POST', '/v1/password/signin', {
      body: { loginId: uniqueEmail('nobody'), password: 'Wrong-Pass-1' },
    });
    expect(wrong.status).toBe(401);
    const strip = ({ requestId: _r, descopeCode: _d, ...rest }: Record<string, unknown>) => rest;
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.body).not.toHaveProperty('descopeCode');
    expect(wrong.body).not.toHaveProperty('descopeCode');
  });

  it('answers sign-up for an existing user 409, weak passwords 400 and reset for an unknown user 202', async () => {
    const loginId = uniqueEmail();
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    const again = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    expect([again.status, again.body.code]).toEqual([409, 'user_exists']);
    const weak = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail(), password: 'weakpass' },
    });
    expect([weak.status, weak.body.code]).toEqual([400, 'weak_password']);
    // The unmet rules by name (read from the policy), never the password.
    expect(weak.body.errors).toEqual([
      { field: 'password', message: 'needs an uppercase letter, a number' },
    ]);
    expect(JSON.stringify(weak.body)).not.toContain('weakpass');
    const unknown = await h.api('POST', '/v1/password/reset', {
      body: { loginId: uniqueEmail('ghost') },
    });
    expect(unknown.status).toBe(202);
    const policy = await h.api('GET', '/v1/password/policy');
    expect(policy.body).toEqual({
      minLength: 8,
      lowercase: true,
      uppercase: true,
      number: true,
      nonAlphanumeric: false,
    });
  });

  it('refuses a weak new password on reset/complete without using up the link', async () => {
    const loginId = uniqueEmail();
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    await verifyEmail(h, loginId, body.refreshJwt);
    await h.api('POST', '/v1/password/reset', { body: { loginId } });
    const [message] = await h.outbox(loginId);
    const weak = await h.api('POST', '/v1/password/reset/complete', {
      body: { token: message.token, newPassword: 'short' },
    });
    expect([weak.status, weak.body.code]).toEqual([400, 'weak_password']);
    const strong = await h.api('POST', '/v1/password/reset/complete', {
      body: { token: message.token, newPassword: 'Good-Enough-7' },
    });
    expect(strong.status).toBe(200);
  });
});
