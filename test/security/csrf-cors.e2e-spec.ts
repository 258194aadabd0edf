import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';

const FRONTEND = 'https://app.example.com';
const SELF = 'https://auth.example.com';

/** Spellings of a foreign origin, including look-alikes of the allowed ones. */
const FOREIGN = [
  'https://evil.example',
  'null',
  'https://app.example.com.evil.net',
  'http://app.example.com',
  'https://app.example.com:8443',
  'https://sub.app.example.com',
];

describe('Security: cookie-authenticated requests from other sites (CSRF) and CORS', () => {
  let h: AppHarness;
  let loginId: string;
  let tokens: { sessionJwt: string; refreshJwt: string };

  beforeAll(async () => {
    h = await startApp({ CORS_ORIGINS: FRONTEND, PUBLIC_ORIGIN: SELF, TOKEN_DELIVERY: 'both' });
    loginId = uniqueEmail('csrf');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    tokens = body as typeof tokens;
  });
  afterAll(() => h.close());

  const refresh = (headers: Record<string, string>) =>
    h.api('POST', '/v1/session/refresh', { cookies: { DSR: tokens.refreshJwt }, headers });
  const refused = (response: ApiResponse) => [response.status, response.body.code];

  it.each(FOREIGN)('refuses a DSR-cookie refresh from Origin %s with 403', async (origin) => {
    const response = await refresh({ origin });
    expect(refused(response)).toEqual([403, 'forbidden']);
    expect(response.body.detail).toContain('Origin is not allowed');
    expect(JSON.stringify(response.body)).not.toContain(origin === 'null' ? 'x' : origin);
  });

  it('allows the frontend and the service itself', async () => {
    expect((await refresh({ origin: FRONTEND })).status).toBe(200);
    expect((await refresh({ origin: SELF })).status).toBe(200);
  });

  it('falls back on Sec-Fetch-Site, then on Referer, without Origin', async () => {
    expect(refused(await refresh({ 'sec-fetch-site': 'cross-site' }))).toEqual([403, 'forbidden']);
    expect(refused(await refresh({ 'sec-fetch-site': 'same-site' }))).toEqual([403, 'forbidden']);
    expect((await refresh({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await refresh({ 'sec-fetch-site': 'none' })).status).toBe(200);
    expect(refused(await refresh({ referer: 'https://evil.example/page' }))).toEqual([
      403,
      'forbidden',
    ]);
    expect(refused(await refresh({ referer: 'not a url' }))).toEqual([403, 'forbidden']);
    expect((await refresh({ referer: `${FRONTEND}/settings` })).status).toBe(200);
  });

  it('lets a client with none of the three (not a browser) use its cookie jar', async () => {
    expect((await refresh({})).status).toBe(200);
  });

  it('never refuses a bearer token for its origin: browsers cannot send one cross-site', async () => {
    const response = await h.api('POST', '/v1/session/refresh', {
      bearer: tokens.refreshJwt,
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(200);
  });

  it('guards every route that reads a cookie token, public step-up and logout routes included', async () => {
    const evil = { origin: 'https://evil.example' };
    const cookies = { DSR: tokens.refreshJwt };
    const attempts: [string, object | undefined][] = [
      ['/v1/password/update', { loginId, newPassword: 'Attacker-Pass-1' }],
      ['/v1/otp/update/email', { loginId, email: 'attacker@example.net' }],
      ['/v1/otp/update/phone/sms', { loginId, phone: '+14155550199' }],
      ['/v1/totp/update', { loginId }],
      ['/v1/session/tenant', { tenant: 'any' }],
      ['/v1/session/logout-all', undefined],
      ['/v1/otp/signin/email', { loginId, loginOptions: { stepup: true } }],
      ['/v1/totp/verify', { loginId, code: '123456', loginOptions: { mfa: true } }],
    ];
    for (const [path, body] of attempts) {
      const response = await h.api('POST', path, { body, cookies, headers: evil });
      expect([path, ...refused(response)]).toEqual([path, 403, 'forbidden']);
    }
    const session = await h.api('GET', '/v1/session', { cookies: { DS: tokens.sessionJwt } });
    expect(session.status).toBe(200);
  });

  it('does not let another site log the user out, nor clear their cookies', async () => {
    const response = await h.api('POST', '/v1/session/logout', {
      cookies: { DSR: tokens.refreshJwt },
      headers: { origin: 'https://evil.example' },
    });
    expect(refused(response)).toEqual([403, 'forbidden']);
    expect(response.cookies).toEqual({});
    expect((await refresh({ origin: FRONTEND })).status).toBe(200);
    const withoutDsr = await h.api('POST', '/v1/session/logout', {
      cookies: { DS: tokens.sessionJwt },
      headers: { origin: 'https://evil.example' },
    });
    expect(withoutDsr.status).toBe(401);
    expect(withoutDsr.cookies).toEqual({}); // another site cannot clear them either
  });

  it('answers a preflight from the frontend with credentials and the headers the API reads', async () => {
    const response = await fetch(`${h.url}/v1/session/refresh`, {
      method: 'OPTIONS',
      headers: {
        origin: FRONTEND,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization,x-device-token',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONTEND);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const allowed = response.headers.get('access-control-allow-headers')!.split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-request-id', 'x-device-token']),
    );
  });

  it.each(FOREIGN)('gives a preflight from %s no Access-Control-Allow-* header', async (origin) => {
    const response = await fetch(`${h.url}/v1/session/refresh`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    const allow = [...response.headers.keys()].filter((key) => key.startsWith('access-control-'));
    expect(allow).toEqual([]);
  });
});
