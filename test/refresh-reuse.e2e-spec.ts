import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';
import { nextSecond, upstreamRefreshes } from './support/revocation';

const WINDOW_MS = 1500;

/**
 * Refresh-token rotation on (Descope's project setting): a user's tabs refreshing with one token
 * at once all keep a session, and a rotated-away token that comes back after the reuse window
 * ends every session of the user. One instance, no Redis: the coalescing is in process
 * (test/revocation-instances.e2e-spec.ts runs it across instances).
 */
describe('Refresh coalescing and reuse detection (rotation on, one instance)', () => {
  let h: AppHarness;
  beforeAll(
    async () =>
      (h = await startApp(
        { REFRESH_REUSE_WINDOW_MS: String(WINDOW_MS) },
        { rotateRefreshTokens: true },
      )),
  );
  afterAll(() => h.close());

  const refreshesUpstream = () => upstreamRefreshes(h.emulator.baseUrl);
  const refresh = (refreshJwt: string) =>
    h.api('POST', '/v1/session/refresh', { cookies: { DSR: refreshJwt } });
  const signUp = async (loginId = uniqueEmail('reuse')) => {
    const up = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    return up.body as { sessionJwt: string; refreshJwt: string };
  };

  it('answers 20 concurrent refreshes of one token with one upstream refresh', async () => {
    const { refreshJwt } = await signUp();
    const before = await refreshesUpstream();
    const answers = await Promise.all(Array.from({ length: 20 }, () => refresh(refreshJwt)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((answer) => answer.body.sessionJwt)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.body.refreshJwt)).size).toBe(1);
    expect(answers[0].body.refreshJwt).not.toBe(refreshJwt);
    expect((await refreshesUpstream()) - before).toBe(1);
  });

  it('refuses a rotated-away token after the window and ends the new session too', async () => {
    const { refreshJwt } = await signUp();
    const first = await refresh(refreshJwt);
    expect(first.status).toBe(200);
    const { sessionJwt, refreshJwt: rotated } = first.body as Record<string, string>;
    expect((await h.api('GET', '/v1/session', { bearer: sessionJwt })).status).toBe(200);
    // Within the window the same answer comes back; after it, the old token is reuse.
    expect((await refresh(refreshJwt)).body.sessionJwt).toBe(sessionJwt);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
    const reuse = await refresh(refreshJwt);
    expect([reuse.status, reuse.body.code]).toEqual([401, 'token_invalid']);
    expect(reuse.body.detail).toMatch(/already exchanged/);
    expect((await h.api('GET', '/v1/session', { bearer: sessionJwt })).status).toBe(401);
    expect((await refresh(rotated)).status).toBe(401);
    const text = await (await fetch(`${h.managementUrl}/metrics`)).text();
    expect(text).toMatch(/auth_revocations_total\{reason="refresh_reuse"\} [1-9]/);
  });

  it('a refresh within the window after a logout gets no kept answer', async () => {
    const { refreshJwt, sessionJwt } = await signUp();
    expect((await refresh(refreshJwt)).status).toBe(200);
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: refreshJwt },
      bearer: sessionJwt,
    });
    expect(out.status).toBe(204);
    const again = await refresh(refreshJwt);
    expect([again.status, again.body.code]).toEqual([401, 'token_invalid']);
  });

  it('a logout within the window ends what the refresh handed out, and nothing else', async () => {
    const loginId = uniqueEmail('reuse');
    const tab = await signUp(loginId);
    await nextSecond();
    const other = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    // Another second again: refresh tokens minted in one second share an expiry (docs/sessions.md).
    await nextSecond();
    const refreshed = await refresh(tab.refreshJwt);
    expect(refreshed.status).toBe(200);
    // Another tab still holds the old refresh token and logs out within the window.
    const out = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: tab.refreshJwt },
      bearer: tab.sessionJwt,
    });
    expect(out.status).toBe(204);
    for (const session of [tab.sessionJwt, refreshed.body.sessionJwt as string]) {
      expect((await h.api('GET', '/v1/session', { bearer: session })).status).toBe(401);
    }
    expect((await refresh(refreshed.body.refreshJwt as string)).status).toBe(401);
    // Not reuse: the user's other sign-in lives on.
    expect((await h.api('GET', '/v1/session', { bearer: other.body.sessionJwt })).status).toBe(200);
  });
});
