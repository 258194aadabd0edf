import { AppHarness, cookieValue, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/** TOKEN_DELIVERY decides where tokens go; cookies are built by the service, never forwarded. */
describe.each(['body', 'cookie', 'both'] as const)('Service: TOKEN_DELIVERY=%s', (delivery) => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp({ TOKEN_DELIVERY: delivery, COOKIE_SECURE: 'true', COOKIE_SAMESITE: 'lax' });
  });
  afterAll(() => h.close());

  it('delivers sign-in tokens accordingly and refreshes from what it delivered', async () => {
    const loginId = uniqueEmail();
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    const signIn = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.sessionExpiresAt).toEqual(expect.any(Number));
    expect(signIn.body.refreshExpiresAt).toEqual(expect.any(Number));

    const inBody = delivery !== 'cookie';
    const inCookies = delivery !== 'body';
    expect(typeof signIn.body.sessionJwt === 'string').toBe(inBody);
    expect(typeof signIn.body.refreshJwt === 'string').toBe(inBody);
    // DT: the device token a sign-in by a secret earns (see the budgets).
    expect(Object.keys(signIn.cookies).sort()).toEqual(inCookies ? ['DS', 'DSR', 'DT'] : []);
    if (!inCookies) return;

    const now = Math.floor(Date.now() / 1000);
    for (const [name, expiresAt] of [
      ['DS', signIn.body.sessionExpiresAt],
      ['DSR', signIn.body.refreshExpiresAt],
    ]) {
      const line = signIn.cookies[name];
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; SameSite=Lax/);
      expect(line).toMatch(/; Path=\//);
      const maxAge = Number(/Max-Age=(\d+)/.exec(line)![1]);
      expect(Math.abs(maxAge - (expiresAt - now))).toBeLessThanOrEqual(2);
    }
    const session = await h.api('GET', '/v1/session', {
      cookies: { DS: cookieValue(signIn.cookies.DS)! },
    });
    expect(session.status).toBe(200);
    const refreshed = await h.api('POST', '/v1/session/refresh', {
      cookies: { DSR: cookieValue(signIn.cookies.DSR)! },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.cookies.DS).toBeDefined();
  });
});
