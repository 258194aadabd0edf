import { AppHarness, startApp } from './support/app-harness';
import { decodeJwt, STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/**
 * Descope's other shapes: tokens only in Set-Cookie (cookie mode) and `iss` as a URL. The service
 * must work the same; it never forwards Descope's cookies.
 */
describe('Service: Descope in cookie mode with URL issuers', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp({ TOKEN_DELIVERY: 'both' }, { sessionCookies: true, issuerUrl: true });
  });
  afterAll(() => h.close());

  it('signs up, refreshes, validates and logs out', async () => {
    const loginId = uniqueEmail('cookie-mode');
    const signUp = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    expect(signUp.status).toBe(201);
    expect(decodeJwt(signUp.body.sessionJwt).payload.iss).toBe(
      `https://api.descope.com/${h.emulator.projectId}`,
    );
    expect(signUp.body.refreshJwt).toEqual(expect.any(String));
    // The service's own cookies (COOKIE_SECURE=false in tests), not Descope's Set-Cookie lines.
    expect(signUp.cookies.DSR).toMatch(
      /^DSR=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(signUp.cookies.DSR).toContain(`DSR=${signUp.body.refreshJwt};`);

    const refreshed = await h.api('POST', '/v1/session/refresh', {
      bearer: signUp.body.refreshJwt,
    });
    expect(refreshed.status).toBe(200);
    const validated = await h.api('POST', '/v1/session/validate', {
      body: { sessionJwt: refreshed.body.sessionJwt },
    });
    expect(validated.status).toBe(200);
    expect(
      (await h.api('POST', '/v1/session/logout', { bearer: signUp.body.refreshJwt })).status,
    ).toBe(204);
  });
});
