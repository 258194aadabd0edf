import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { EmulatorHarness, STRONG_PASSWORD, startHarness } from '../support/emulator-harness';

const CHROMIUM = '/usr/bin/chromium';
jest.setTimeout(60_000);

/**
 * Whatever a sign-up carries (a name, a reset link's redirect URL, a fault's path) reaches the
 * developer's UI as text: markup in any of them never runs, and no link from the outbox is live.
 */
describe('Security: the emulator UI shows hostile data as text', () => {
  let h: EmulatorHarness;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    h = await startHarness();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('renders markup in a name, a reset link and a fault path without running it', async () => {
    const markup = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const loginId = 'xss@example.com';
    const signUp = await h.sdk.password.signUp(loginId, STRONG_PASSWORD, { name: markup });
    const userId = signUp.data!.user!.userId;
    await h.raw('POST', `/emulator/users/${userId}`, { email: loginId, verifiedEmail: true });
    await h.sdk.password.sendReset(loginId, 'javascript:window.__xss=3//');
    await h.raw('POST', '/emulator/faults', { path: `/x${markup}`, latencyMs: 1 });

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${h.emulator.baseUrl}/`);
    await page.locator('#users-table tbody tr', { hasText: markup }).waitFor();
    await page.locator('#outbox-table tbody tr', { hasText: 'javascript:' }).waitFor();
    await page.locator('#faults-table tbody tr', { hasText: '<script>' }).waitFor();

    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(
      await page.locator('#users-table img, #faults-table img, #users-table script').count(),
    ).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
