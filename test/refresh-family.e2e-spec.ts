import { startEmulator, RunningEmulator } from '@app/descope-emulator';
import DescopeClient from '@descope/node-sdk';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';
import { upstreamRefreshes } from './support/revocation';

/**
 * Descope with refresh rotation may answer a rotated-away refresh token with 400 E064006 and end
 * its whole family (EMULATOR_REFRESH_REUSE=family; inferred from a third-party mock). The service
 * answers token_invalid and ends the user's sessions as for reuse it sees itself; its coalescing
 * keeps two tabs refreshing one token at once signed in, so Descope never sees that reuse.
 */
describe('Refresh rotation with family invalidation (EMULATOR_REFRESH_REUSE=family)', () => {
  let emulator: RunningEmulator;
  // One app at a time: Passport's strategies are process-wide (libs/auth/src/auth.module.ts).
  let untracked: AppHarness;
  let coalescing: AppHarness;

  beforeAll(async () => {
    emulator = await startEmulator({ rotateRefreshTokens: true, refreshReuse: 'family' });
  });
  afterAll(() => emulator.close());

  const signUp = async (h: AppHarness) =>
    (
      await h.api('POST', '/v1/password/signup', {
        body: { loginId: uniqueEmail('family'), password: STRONG_PASSWORD },
      })
    ).body as { sessionJwt: string; refreshJwt: string };
  const refresh = (h: AppHarness, refreshJwt: string) =>
    h.api('POST', '/v1/session/refresh', { bearer: refreshJwt });

  describe('with no reuse window, so the reuse reaches Descope', () => {
    beforeAll(async () => {
      untracked = await startApp({ REFRESH_REUSE_WINDOW_MS: '0' }, emulator);
    });
    afterAll(() => untracked.close());

    it('the emulator answers a rotated-away token 400 E064006 and ends the newer one too', async () => {
      const sdk = DescopeClient({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
      const { refreshJwt } = await signUp(untracked);
      const newer = (await sdk.refresh(refreshJwt)).data!.refreshJwt!;
      const reused = await sdk.refresh(refreshJwt);
      expect([reused.code, reused.error?.errorCode]).toEqual([400, 'E064006']);
      expect((await sdk.refresh(newer)).error?.errorCode).toBe('E064001');
    });

    it('answers the reuse token_invalid, refuses the family’s newer token, and ends the sessions', async () => {
      const { refreshJwt } = await signUp(untracked);
      const bystander = await signUp(untracked);
      const first = await refresh(untracked, refreshJwt);
      expect(first.status).toBe(200);
      const { refreshJwt: newer, sessionJwt } = first.body as Record<string, string>;

      const reused = await refresh(untracked, refreshJwt);
      expect([reused.status, reused.body.code]).toEqual([401, 'token_invalid']);
      expect(JSON.stringify(reused.body)).not.toContain('E064006');
      const next = await refresh(untracked, newer);
      expect([next.status, next.body.code]).toEqual([401, 'token_invalid']);
      expect((await untracked.api('GET', '/v1/session', { bearer: sessionJwt })).status).toBe(401);
      // Another user's session is untouched.
      expect((await refresh(untracked, bystander.refreshJwt)).status).toBe(200);
    });
    it('ends the sessions whichever route shows Descope the rotated-away token', async () => {
      const { refreshJwt } = await signUp(untracked);
      const { refreshJwt: newer, sessionJwt } = (await refresh(untracked, refreshJwt)).body;
      const me = await untracked.api('GET', '/v1/session/me', { bearer: refreshJwt });
      expect([me.status, me.body.code]).toEqual([401, 'token_invalid']);
      expect((await untracked.api('GET', '/v1/session', { bearer: sessionJwt })).status).toBe(401);
      expect((await refresh(untracked, newer as string)).status).toBe(401);
    });
  });

  describe('with the default reuse window', () => {
    beforeAll(async () => {
      coalescing = await startApp({}, emulator);
    });
    afterAll(() => coalescing.close());

    it('keeps two tabs refreshing one token at once signed in, twice over', async () => {
      let { refreshJwt } = await signUp(coalescing);
      for (let round = 0; round < 2; round += 1) {
        const before = await upstreamRefreshes(emulator.baseUrl);
        const tabs = await Promise.all([
          refresh(coalescing, refreshJwt),
          refresh(coalescing, refreshJwt),
        ]);
        expect(tabs.map(({ status }) => status)).toEqual([200, 200]);
        expect(tabs[0].body.refreshJwt).toBe(tabs[1].body.refreshJwt);
        expect((await upstreamRefreshes(emulator.baseUrl)) - before).toBe(1);
        refreshJwt = tabs[0].body.refreshJwt as string;
      }
      const session = await coalescing.api('GET', '/v1/session/me', { bearer: refreshJwt });
      expect(session.status).toBe(200);
    });
  });
});
