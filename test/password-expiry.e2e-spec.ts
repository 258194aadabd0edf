import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/**
 * A password Descope has expired (management `expirePassword`, or the project's maximum age):
 * sign-in answers E062909 (go-sdk errors.go; 401 in Descope's Ruby integration tests). The
 * service answers 403 `password_expired` saying how to set a new one, only once the password was
 * right (a wrong one answers as before), and replace is the way out.
 */
describe('Service: an expired password', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  const signIn = (loginId: string, password: string) =>
    h.api('POST', '/v1/password/signin', { body: { loginId, password } });

  async function expiredUser() {
    const loginId = uniqueEmail('expired');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    expect((await h.management.management.user.expirePassword(loginId)).ok).toBe(true);
    return loginId;
  }

  it('answers 403 password_expired, naming the way out, with no cookies', async () => {
    const loginId = await expiredUser();
    const expired = await signIn(loginId, STRONG_PASSWORD);
    expect([expired.status, expired.body.code]).toEqual([403, 'password_expired']);
    expect(expired.body.detail).toMatch(/\/v1\/password\/replace.*\/v1\/password\/reset/);
    expect(JSON.stringify(expired.body)).not.toMatch(/E062909|Correct-Horse/);
    expect(expired.cookies).toEqual({});
  });

  it('answers a wrong password on an expired account like any wrong password', async () => {
    const loginId = await expiredUser();
    const wrong = await signIn(loginId, 'Wrong-Pass-1');
    const unknown = await signIn(uniqueEmail('nobody'), 'Wrong-Pass-1');
    const shown = (r: typeof wrong) => ({ ...r.body, requestId: undefined, status: r.status });
    expect(shown(wrong)).toEqual(shown(unknown));
  });

  it('lets replace set a new password, after which sign-in works again', async () => {
    const loginId = await expiredUser();
    const replaced = await h.api('POST', '/v1/password/replace', {
      body: { loginId, oldPassword: STRONG_PASSWORD, newPassword: 'Fresh-Pass-42' },
    });
    expect(replaced.status).toBe(200);
    expect((await signIn(loginId, 'Fresh-Pass-42')).status).toBe(200);
  });
});
