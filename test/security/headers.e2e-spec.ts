import { randomInt } from 'node:crypto';
import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';

describe('Security: response headers', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  it('sends Helmet headers and no-store on answers that carry tokens, user data or errors', async () => {
    const signUp = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail(), password: STRONG_PASSWORD },
    });
    const failed = await h.api('GET', '/v1/session');
    for (const response of [signUp, failed]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    }
  });

  it('serves the docs page under a CSP that allows its own scripts, inline styles and data: images', async () => {
    const response = await fetch(`${h.url}/docs`);
    const csp = response.headers.get('content-security-policy')!;
    expect(response.status).toBe(200);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("'unsafe-inline'");
    expect(csp).toMatch(/img-src 'self' data:/);
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});

describe('Security: the client address behind a trusted proxy', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp({ TRUST_PROXY: '1', RATE_LIMIT_IP_PER_MINUTE: '5' });
  });
  afterAll(() => h.close());

  it('cannot be reset by a client writing its own X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const spoofed = `${randomInt(1, 223)}.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
      // The client wrote the first entry; the one trusted proxy appended the real address.
      const response = await h.api('POST', '/v1/session/refresh', {
        headers: { 'x-forwarded-for': `${spoofed}, 203.0.113.7` },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    const other = await h.api('POST', '/v1/session/refresh', {
      headers: { 'x-forwarded-for': '203.0.113.8' },
    });
    expect(other.status).toBe(401);
  });
});
