import { SESSION_ENDED } from '@app/auth';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';
import { nextSecond } from './support/revocation';
import { verifyEmail } from './support/verify-email';

type Tokens = { sessionJwt: string; refreshJwt: string };

/**
 * Sessions end when users end them (one instance; test/revocation-instances.e2e-spec.ts has
 * several): every route that takes a session token, and `validate`, refuse a session once ended,
 * memo hits included, and keep the sessions that should live.
 */
describe('Ending sessions', () => {
  let h: AppHarness;
  beforeAll(async () => (h = await startApp()));
  afterAll(() => h.close());

  const signUp = async (loginId = uniqueEmail('end')): Promise<Tokens & { loginId: string }> => {
    const up = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    return { loginId, ...(up.body as Tokens) };
  };
  const signIn = async (loginId: string, loginOptions?: object): Promise<Tokens> => {
    const answer = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD, loginOptions },
    });
    expect(answer.status).toBe(200);
    return answer.body as Tokens;
  };
  /** The status of a session token on GET /v1/session and on validate, used twice (memo hits). */
  const statuses = async (sessionJwt: string) => {
    const seen: number[] = [];
    for (let i = 0; i < 2; i++) {
      seen.push((await h.api('GET', '/v1/session', { bearer: sessionJwt })).status);
      const validate = await h.api('POST', '/v1/session/validate', { body: { sessionJwt } });
      seen.push(validate.status);
    }
    return [...new Set(seen)];
  };

  it('logout ends the carried session and every session of its refresh token', async () => {
    const user = await signUp();
    const refreshed = await h.api('POST', '/v1/session/refresh', { bearer: user.refreshJwt });
    await nextSecond();
    const other = await signIn(user.loginId);
    expect(await statuses(user.sessionJwt)).toEqual([200]);
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: user.refreshJwt },
      bearer: user.sessionJwt,
    });
    expect(out.status).toBe(204);
    const after = await h.api('GET', '/v1/session', { bearer: user.sessionJwt });
    expect([after.status, after.body.code, after.body.detail]).toEqual([
      401,
      'token_invalid',
      SESSION_ENDED,
    ]);
    expect(await statuses(user.sessionJwt)).toEqual([401]);
    expect(await statuses(refreshed.body.sessionJwt as string)).toEqual([401]);
    // A session of another sign-in (another second, so another refresh token expiry) lives on.
    expect(await statuses(other.sessionJwt)).toEqual([200]);
  });

  it('logout-all ends every earlier session; a sign-in a second later is valid', async () => {
    const user = await signUp();
    await nextSecond();
    const other = await signIn(user.loginId);
    await h.api('GET', '/v1/session', { bearer: other.sessionJwt });
    const out = await h.api('POST', '/v1/session/logout-all', { bearer: user.refreshJwt });
    expect(out.status).toBe(204);
    expect(await statuses(user.sessionJwt)).toEqual([401]);
    expect(await statuses(other.sessionJwt)).toEqual([401]);
    await nextSecond();
    expect(await statuses((await signIn(user.loginId)).sessionJwt)).toEqual([200]);
  });

  it('a sign-in with revokeOtherSessions ends the others and keeps its own', async () => {
    const user = await signUp();
    await nextSecond();
    const fresh = await signIn(user.loginId, { revokeOtherSessions: true });
    expect(await statuses(user.sessionJwt)).toEqual([401]);
    expect(await statuses(fresh.sessionJwt)).toEqual([200]);
  });

  it('a replace ends the others only when asked, and keeps its own session', async () => {
    const user = await signUp();
    const replace = (oldPassword: string, newPassword: string, loginOptions?: object) =>
      h.api('POST', '/v1/password/replace', {
        body: { loginId: user.loginId, oldPassword, newPassword, loginOptions },
      });
    await nextSecond();
    expect((await replace(STRONG_PASSWORD, 'Second-Horse-10')).status).toBe(200);
    expect(await statuses(user.sessionJwt)).toEqual([200]);
    await nextSecond();
    const asked = await replace('Second-Horse-10', 'Third-Horse-11', { revokeOtherSessions: true });
    expect(asked.status).toBe(200);
    expect(await statuses(user.sessionJwt)).toEqual([401]);
    expect(await statuses(asked.body.sessionJwt as string)).toEqual([200]);
  });

  it('a completed password reset ends the others; a password update keeps its own', async () => {
    const user = await signUp();
    await verifyEmail(h, user.loginId, user.refreshJwt);
    const update = await h.api('POST', '/v1/password/update', {
      bearer: user.refreshJwt,
      body: { loginId: user.loginId, newPassword: 'Updated-Horse-12' },
    });
    expect(update.status).toBe(204);
    expect(await statuses(user.sessionJwt)).toEqual([200]);
    await nextSecond();
    await h.api('POST', '/v1/password/reset', { body: { loginId: user.loginId } });
    const [reset] = await h.outbox(user.loginId);
    const done = await h.api('POST', '/v1/password/reset/complete', {
      body: { token: reset.token, newPassword: 'Reset-Horse-13' },
    });
    expect(done.status).toBe(200);
    expect(await statuses(user.sessionJwt)).toEqual([401]);
    expect(await statuses(done.body.sessionJwt as string)).toEqual([200]);
  });

  it('counts each revocation by reason', async () => {
    const text = await (await fetch(`${h.managementUrl}/metrics`)).text();
    for (const reason of ['logout', 'logout_all', 'revoke_other_sessions', 'password_change']) {
      expect(text).toMatch(new RegExp(`auth_revocations_total\\{reason="${reason}"\\} [1-9]`));
    }
  });
});
