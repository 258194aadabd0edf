import { AppHarness, startApp } from '../support/app-harness';
import { nextSecond, upstreamRefreshes } from '../support/revocation';
import { claimsOf, client, sleep } from '../support/revocation-client';

const WINDOW_MS = 800;

/**
 * A hostile client with a stolen refresh token, rotation on: it gets nothing after the window,
 * cannot stretch the window, cannot get another token's answer, and a logout presenting a
 * rotated-away token ends the thief too.
 */
describe('Security: refresh reuse attacks (rotation on)', () => {
  let h: AppHarness;
  const c = client(() => h);
  beforeAll(
    async () =>
      (h = await startApp(
        { REFRESH_REUSE_WINDOW_MS: String(WINDOW_MS) },
        { rotateRefreshTokens: true },
      )),
  );
  afterAll(() => h.close());
  const refreshesUpstream = () => upstreamRefreshes(h.emulator.baseUrl);

  it('a stolen old refresh token gets nothing after the window, and ends the thief too', async () => {
    const user = await c.signUp();
    const first = await c.refresh(user.refreshJwt); // the victim rotates
    expect(first.status).toBe(200);
    await sleep(WINDOW_MS + 150);
    const thief = await c.refresh(user.refreshJwt);
    expect([thief.status, thief.body.code]).toEqual([401, 'token_invalid']);
    expect(thief.body.sessionJwt).toBeUndefined();
    expect(JSON.stringify(thief.body)).not.toContain(first.body.sessionJwt);
    // Reuse ends everything of the user at once.
    expect(await c.statuses(first.body.sessionJwt as string)).toEqual([401]);
    expect((await c.refresh(first.body.refreshJwt as string)).status).toBe(401);
  });

  it('refreshing again and again does not stretch the window', async () => {
    const user = await c.signUp();
    const start = Date.now();
    const first = await c.refresh(user.refreshJwt);
    expect(first.status).toBe(200);
    while (Date.now() - start < WINDOW_MS - 250) {
      const again = await c.refresh(user.refreshJwt);
      expect([again.status, again.body.sessionJwt]).toEqual([200, first.body.sessionJwt]);
      await sleep(100);
    }
    await sleep(Math.max(0, start + WINDOW_MS + 200 - Date.now()));
    const late = await c.refresh(user.refreshJwt);
    expect([late.status, late.body.code]).toEqual([401, 'token_invalid']);
  });

  it('concurrent refreshes of two refresh tokens of one user each get their own answer', async () => {
    const a = await c.signUp();
    await nextSecond();
    const b = await c.signIn(a.loginId);
    const before = await refreshesUpstream();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => c.refresh(i % 2 ? b.refreshJwt : a.refreshJwt)),
    );
    expect(answers.map((x) => x.status)).toEqual(Array(20).fill(200));
    const ofA = new Set(answers.filter((_, i) => i % 2 === 0).map((x) => x.body.sessionJwt));
    const ofB = new Set(answers.filter((_, i) => i % 2 === 1).map((x) => x.body.sessionJwt));
    expect([ofA.size, ofB.size]).toEqual([1, 1]);
    // (The two sessions may be byte-identical: same user, same second, same rexp, deterministic
    // RS256. The refresh tokens carry distinct jti.)
    const refreshOfA = new Set(answers.filter((_, i) => i % 2 === 0).map((x) => x.body.refreshJwt));
    const refreshOfB = new Set(answers.filter((_, i) => i % 2 === 1).map((x) => x.body.refreshJwt));
    expect([refreshOfA.size, refreshOfB.size]).toEqual([1, 1]);
    const [newA, newB] = [[...refreshOfA][0] as string, [...refreshOfB][0] as string];
    expect(claimsOf(newA).jti).not.toBe(claimsOf(newB).jti);
    expect([newA, newB]).not.toContain(a.refreshJwt);
    expect([newA, newB]).not.toContain(b.refreshJwt);
    expect((await refreshesUpstream()) - before).toBe(2);
    // Each new refresh token is live on its own at Descope: logging A's out leaves B's working.
    const outA = await h.api('POST', '/v1/session/logout', { cookies: { DSR: newA } });
    expect(outA.status).toBe(204);
    await sleep(WINDOW_MS + 100);
    // Rotated in the same second, newA and newB share an expiry, so a session newB mints within
    // the logout's second is refused with newA's family (docs/sessions.md, one-second edges).
    await nextSecond();
    expect((await c.refresh(newB)).status).toBe(200);
    expect((await c.refresh(newA)).status).toBe(401);
  });

  /**
   * Found by this suite: a logout presenting a refresh token that a thief already rotated away
   * was refused upstream and revoked nothing. It is reuse, as on refresh: every session of the
   * user ends (the logout itself answers 204, the caller is logged out).
   */
  it('a logout with a rotated-away refresh token ends the thief as reuse does', async () => {
    const victim = await c.signUp();
    const stolen = await c.refresh(victim.refreshJwt); // the thief rotates first
    expect(stolen.status).toBe(200);
    await sleep(WINDOW_MS + 150);
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: victim.refreshJwt },
      bearer: victim.sessionJwt,
    });
    expect(out.status).toBeLessThan(500);
    expect(out.status).toBe(204);
    expect(await c.statuses(victim.sessionJwt)).toEqual([401]);
    expect(await c.statuses(stolen.body.sessionJwt as string)).toEqual([401]);
    expect((await c.refresh(stolen.body.refreshJwt as string)).status).toBe(401);
  });
});
