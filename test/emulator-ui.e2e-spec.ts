import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { AppHarness, startApp } from './support/app-harness';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', 'test-output', 'emulator-ui');
const TIMEOUT_MS = 90_000;

jest.setTimeout(TIMEOUT_MS);

const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

/**
 * The emulator's UI in Debian's Chromium, beside the service using it: a code read from the
 * UI's outbox signs up, a role edited in the UI reaches the next session token, a session revoked
 * there fails its refresh, a 503 injected there reaches the service, keys rotate.
 */
describe('Emulator UI in Chromium', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  const complaints: string[] = [];
  /** The viewport with `section` scrolled to its top, under the sticky EMULATOR banner. */
  const shot = async (name: string, section: string) => {
    await page.locator(section).evaluate((node) => node.scrollIntoView());
    await page.screenshot({ path: join(SCREENSHOTS, name) });
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // No reuse window: a refresh right after a revoke asks the emulator, not a kept answer.
    h = await startApp({ TOKEN_DELIVERY: 'body', REFRESH_REUSE_WINDOW_MS: '0' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && complaints.push(`console: ${m.text()}`));
    page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
    await page.exposeFunction('reportViolation', (text: string) => complaints.push(text));
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) =>
        window.reportViolation('CSP ' + event.effectiveDirective + ' blocked ' + event.blockedURI));`,
    });
    await page.goto(`${h.emulator.baseUrl}/`);
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const loginId = 'ui-user@example.com';
  let refreshJwt = '';

  it('says it is an emulator, not a login page', async () => {
    await expect(page.title()).resolves.toContain('emulator');
    await expect(page.locator('.banner').textContent()).resolves.toContain('not a Descope');
  });

  it('shows the code of an OTP sign-up as it arrives, and that code verifies', async () => {
    expect((await h.api('POST', '/v1/otp/signup/email', { body: { loginId } })).status).toBe(202);
    const code = page.locator(`#outbox-table tr[data-login-id="${loginId}"] .code`).first();
    await code.waitFor({ timeout: 10_000 });
    await shot('outbox.png', '#outbox');
    const verified = await h.api('POST', '/v1/otp/verify/email', {
      body: { loginId, code: (await code.textContent())?.trim() },
    });
    expect(verified.status).toBe(200);
    refreshJwt = verified.body.refreshJwt as string;
  });

  it('finds the user by search, and a role edited there is in the next session token', async () => {
    await page.fill('#user-q', 'ui-user');
    const row = page.locator('#users-table tbody tr', { hasText: loginId });
    await row.waitFor();
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.fill('#user-edit-form input[name=roleNames]', 'editor');
    await shot('user-edit.png', '#users');
    await page.click('#edit-save');
    await row.getByText('editor').waitFor();
    const refreshed = await h.api('POST', '/v1/session/refresh', { bearer: refreshJwt });
    expect(refreshed.status).toBe(200);
    expect(claims(refreshed.body.sessionJwt as string).roles).toEqual(['editor']);
  });

  it('revokes a session, and its refresh then fails', async () => {
    const row = page.locator('#users-table tbody tr', { hasText: loginId });
    await row.locator('td').nth(7).getByRole('button').click();
    const session = page.locator('#sessions-table tbody tr').first();
    await session.waitFor();
    await shot('sessions.png', '#sessions');
    await session.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('#sessions-table tbody tr').first().waitFor({ state: 'detached' });
    expect((await h.api('POST', '/v1/session/refresh', { bearer: refreshJwt })).status).toBe(401);
  });

  it('injects a 503 on password sign-in once: the service answers 502, then signs in', async () => {
    await h.api('POST', '/v1/password/signup', {
      body: { loginId: 'ui-password@example.com', password: 'Quiet-Harbor-42' },
    });
    await page.selectOption('#fault-form select[name=effect]', '503');
    await page.fill('#fault-form input[name=path]', '/v1/auth/password/signin');
    await page.fill('#fault-form input[name=times]', '1');
    await page.click('#fault-form button');
    await page.locator('#faults-table tbody tr', { hasText: '/v1/auth/password/signin' }).waitFor();
    await shot('faults.png', '#faults');
    const signIn = () =>
      h.api('POST', '/v1/password/signin', {
        body: { loginId: 'ui-password@example.com', password: 'Quiet-Harbor-42' },
      });
    const failed = await signIn();
    expect([failed.status, failed.body.type]).toEqual([502, expect.stringContaining('upstream')]);
    expect((await signIn()).status).toBe(200);
  });

  it('rotates the signing keys: the new key signs, the old one stays published', async () => {
    const before = await page.locator('#keys-table tbody tr').count();
    await page.click('#keys-rotate');
    await page.locator('#keys-table tbody tr').nth(before).waitFor();
    await shot('keys.png', '#keys');
    const current = (await page.locator('#keys-table tbody tr').first().textContent()) ?? '';
    const jwks = (await (
      await fetch(`${h.emulator.baseUrl}/v2/keys/${h.emulator.projectId}`)
    ).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys).toHaveLength(before + 1);
    expect(current).toContain(jwks.keys[0].kid);
    expect(complaints).toEqual([]);
  });

  it('exports the state with a click and imports it back: deleted users return', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#state-export'),
    ]);
    const saved = await download.path();
    const row = page.locator('#users-table tbody tr', { hasText: loginId });
    await page.fill('#user-q', '');
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Really delete?' }).click();
    await row.waitFor({ state: 'detached' });
    await page.setInputFiles('#state-import', saved);
    await page.locator('#toast', { hasText: 'State imported' }).waitFor();
    await row.waitFor();
    await shot('state-imported.png', '#users');
    expect(complaints).toEqual([]);
  });
});
