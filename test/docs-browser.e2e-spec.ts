import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { AppHarness, startApp } from './support/app-harness';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it): no browser download. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', 'test-output', 'docs-browser');
const TIMEOUT_MS = 60_000;

/**
 * Swagger UI driven in a real browser, under the service's own CSP: the prefilled examples sign
 * up and sign in, Authorize takes the session token, and GET /v1/session answers 200.
 */
describe('Service: Swagger UI in Chromium', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  const complaints: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: this test needs Debian's chromium package ` +
          '(apt-get install -y chromium; .ci/run installs it)',
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    h = await startApp({ TOKEN_DELIVERY: 'body' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error') complaints.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
    await page.exposeFunction('reportViolation', (text: string) => complaints.push(text));
    // Runs in the page (no DOM types here): every CSP violation, reported back to the test.
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) =>
        window.reportViolation('CSP ' + event.effectiveDirective + ' blocked ' +
          (event.blockedURI || 'inline')));`,
    });
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Opens an operation, Try it out, Execute: the answer as the page shows it, and the request. */
  async function execute(tag: string, operationId: string, path: string, screenshot: string) {
    const block = page.locator(`#operations-${tag}-${operationId}`);
    await block.locator('.opblock-summary').first().click();
    await block.locator('button.try-out__btn').click();
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === path),
      block.locator('button.execute').click(),
    ]);
    const live = block.locator('.live-responses-table .response').first();
    await live.waitFor();
    await live.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, screenshot) });
    return { response, status: await shownStatus(live), body: await shownBody(live) };
  }

  const shownStatus = async (live: Locator) =>
    (await live.locator('.response-col_status').textContent())?.trim();
  const shownBody = async (live: Locator) =>
    JSON.parse((await live.locator('.response-col_description pre').first().textContent()) ?? '');

  it(
    'signs up and in with the prefilled examples, authorizes, and reads the session',
    async () => {
      await page.goto(`${h.url}/docs`);
      await page.locator('.information-container').waitFor();

      const signUp = await execute(
        'password',
        'PasswordController_signUp',
        '/v1/password/signup',
        '1-sign-up.png',
      );
      expect(signUp.status).toBe('201');

      const signIn = await execute(
        'password',
        'PasswordController_signIn',
        '/v1/password/signin',
        '2-sign-in.png',
      );
      expect(signIn.status).toBe('200');
      const { sessionJwt, user } = signIn.body as { sessionJwt: string; user: { userId: string } };
      expect(sessionJwt).toEqual(
        ((await signIn.response.json()) as { sessionJwt: string }).sessionJwt,
      );

      await page.locator('.auth-wrapper button.authorize').click();
      const scheme = page.locator('.modal-ux .auth-container', { hasText: 'session-token' });
      await scheme.locator('input').fill(sessionJwt);
      await scheme.locator('button.authorize').click();
      await scheme.getByText('Authorized').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, '3-authorize.png') });
      await page.locator('.modal-ux .btn-done, .modal-ux .close-modal').first().click();

      const session = await execute(
        'session',
        'SessionController_current',
        '/v1/session',
        '4-session.png',
      );
      expect(session.response.request().headers().authorization).toBe(`Bearer ${sessionJwt}`);
      expect(session.status).toBe('200');
      expect(session.body).toEqual(expect.objectContaining({ userId: user.userId }));
    },
    TIMEOUT_MS,
  );

  it('raises no CSP violation and no console error', () => {
    expect(complaints).toEqual([]);
  });
});
