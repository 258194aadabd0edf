import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD } from '../support/emulator-harness';
import { nextSecond } from '../support/revocation';
import { claimsOf, client, sleep } from '../support/revocation-client';
import { verifyEmail } from '../support/verify-email';

/**
 * Revocations must outlive every token they refuse. With 3 s sessions, an entry sized by the
 * longest session seen (as first built) lapsed after ~14 s and let older refresh tokens back in
 * after refresh reuse, a password reset or a replace with revokeOtherSessions, and a long-lived
 * session back in after logout-all. Entries now live the configured bounds (a per-user
 * not-before a refresh-token lifetime), and Descope is told where it can be (management logout
 * on reuse, a sign-in with revokeOtherSessions after a reset or replace).
 */
describe('Security: revocations outliving their entries (rotation on, 3 s sessions)', () => {
  let h: AppHarness;
  const c = client(() => h);
  const early: Record<string, number> = {};
  let reuse: { rotatedRefresh: string };
  let reset: { oldRefresh: string };
  let replace: { oldRefresh: string };
  let longLived: { jwt: string };
  /** A refresh with the token, and the statuses of the session it returned (if any). */
  const resurrected = async (refreshJwt: string) => {
    const answer = await c.refresh(refreshJwt);
    const jwt = answer.body.sessionJwt as string | undefined;
    return { refresh: answer.status, newSession: jwt ? await c.statuses(jwt) : [] };
  };

  beforeAll(async () => {
    h = await startApp(
      { REFRESH_REUSE_WINDOW_MS: '500' },
      { rotateRefreshTokens: true, sessionTtlSeconds: 3 },
    );
    // Reuse: the thief rotates first; the victim's later use of the old token is reuse.
    const victim = await c.signUp('reuse');
    const thief = await c.refresh(victim.refreshJwt);
    // Password reset: an attacker holds an old refresh token; the owner resets the password.
    const owner = await c.signUp('reset');
    const verified = await verifyEmail(h, owner.loginId, owner.refreshJwt);
    // Replace with revokeOtherSessions.
    const replacer = await c.signUp('replace');
    // A session Descope issued with a longer lifetime than any this instance has seen (e.g. a
    // tenant's own session timeout), not yet presented here.
    const long = await c.signUp('long');
    const claims = claimsOf(long.sessionJwt);
    longLived = {
      jwt: h.emulator.context.keys.sign({ ...claims, exp: (claims.iat as number) + 3600 }),
    };
    await sleep(600);
    await nextSecond();
    const reused = await c.refresh(victim.refreshJwt);
    expect([reused.status, reused.body.code]).toEqual([401, 'token_invalid']);
    await h.api('POST', '/v1/password/reset', { body: { loginId: owner.loginId } });
    const [link] = await h.outbox(owner.loginId);
    const done = await h.api('POST', '/v1/password/reset/complete', {
      body: { token: link.token, newPassword: 'Reset-Horse-77' },
    });
    expect(done.status).toBe(200);
    const replaced = await h.api('POST', '/v1/password/replace', {
      body: {
        loginId: replacer.loginId,
        oldPassword: STRONG_PASSWORD,
        newPassword: 'Replace-Horse-78',
        loginOptions: { revokeOtherSessions: true },
      },
    });
    expect(replaced.status).toBe(200);
    const all = await h.api('POST', '/v1/session/logout-all', { bearer: long.refreshJwt });
    expect(all.status).toBe(204);

    reuse = { rotatedRefresh: thief.body.refreshJwt as string };
    reset = { oldRefresh: verified.body.refreshJwt as string };
    replace = { oldRefresh: replacer.refreshJwt };
    // Right after: all refused (reading only; a refused refresh never reaches Descope).
    early.reuse = (await c.refresh(reuse.rotatedRefresh)).status;
    early.reset = (await c.refresh(reset.oldRefresh)).status;
    early.replace = (await c.refresh(replace.oldRefresh)).status;
    early.long = (await c.validate(longLived.jwt)).status;
    // Wait past the entries' `until` (notBefore + 3 s lifetime + 10 s).
    await sleep(15_000);
  }, 40_000);
  afterAll(() => h.close());

  it('every one is refused right after the revocation', () => {
    expect(early).toEqual({ reuse: 401, reset: 401, replace: 401, long: 401 });
  });

  /** Found by this suite: the not-before lived a session lifetime; it lives a refresh token's. */
  it("after refresh reuse the thief's rotated refresh token stays refused", async () => {
    expect(await resurrected(reuse.rotatedRefresh)).toEqual({ refresh: 401, newSession: [] });
  });

  /** Found by this suite: a refresh token stolen before a reset worked again later. */
  it('after a password reset an older refresh token stays refused', async () => {
    expect(await resurrected(reset.oldRefresh)).toEqual({ refresh: 401, newSession: [] });
  });

  /** The same for /v1/password/replace with revokeOtherSessions. */
  it('after a replace with revokeOtherSessions an older refresh token stays refused', async () => {
    expect(await resurrected(replace.oldRefresh)).toEqual({ refresh: 401, newSession: [] });
  });

  /**
   * Found by this suite: the not-before lived the longest lifetime seen (3 s here), not the
   * longest a session can have (the configured bound).
   */
  it('a session issued before logout-all stays refused until its own exp', async () => {
    const later = await c.validate(longLived.jwt);
    expect(later.status).toBe(401);
  });
});
