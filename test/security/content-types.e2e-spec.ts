import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { bodyRoutes } from '../support/routes';

const JSON_BODY = JSON.stringify({ loginId: 'a@example.com', password: STRONG_PASSWORD });

/** Bodies a browser form, a script or a confused client can send, none of them JSON. */
const NOT_JSON: [string, Record<string, string>, string][] = [
  ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'loginId=a&newPassword=b'],
  [
    'multipart',
    { 'content-type': 'multipart/form-data; boundary=x' },
    '--x\r\nContent-Disposition: form-data; name="loginId"\r\n\r\na\r\n--x--',
  ],
  ['text', { 'content-type': 'text/plain' }, JSON_BODY],
  ['no content type', { 'content-type': '' }, JSON_BODY],
  ['problem+json', { 'content-type': 'application/problem+json' }, JSON_BODY],
  ['a JSON look-alike type', { 'content-type': 'application/jsonx' }, JSON_BODY],
];

describe('Security: the API accepts application/json bodies only', () => {
  let h: AppHarness;
  let routes: string[];
  let victim: { loginId: string; refreshJwt: string };

  beforeAll(async () => {
    h = await startApp({ TOKEN_DELIVERY: 'both' });
    routes = await bodyRoutes(h);
    const loginId = uniqueEmail('victim');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    victim = { loginId, refreshJwt: body.refreshJwt };
  });
  afterAll(() => h.close());

  it('knows every route with a body', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it.each(NOT_JSON)(
    'answers %s with 415 on every route with a body',
    async (_label, headers, body) => {
      for (const path of routes) {
        const response = await h.api('POST', path, {
          body,
          headers,
          cookies: { DSR: victim.refreshJwt },
        });
        expect([path, response.status, response.body.code]).toEqual([
          path,
          415,
          'unsupported_media_type',
        ]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    },
  );

  it('lets no cross-site form change the victim: password, email and authenticator stay', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cookies = { DSR: victim.refreshJwt };
    const attempts = [
      ['/v1/password/update', `loginId=${victim.loginId}&newPassword=Attacker-Pass-1`],
      ['/v1/otp/update/email', `loginId=${victim.loginId}&email=attacker@example.net`],
      ['/v1/totp/update', `loginId=${victim.loginId}`],
      ['/v1/password/signin', `loginId=attacker@example.net&password=${STRONG_PASSWORD}`],
    ];
    for (const [path, body] of attempts) {
      expect((await h.api('POST', path, { body, headers: form, cookies })).status).toBe(415);
    }
    const signIn = await h.api('POST', '/v1/password/signin', {
      body: { loginId: victim.loginId, password: STRONG_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user).toMatchObject({ email: victim.loginId, TOTP: false });
    expect(await h.outbox('attacker@example.net')).toEqual([]);
  });

  it('refuses JSON nested deeper than JSON_MAX_DEPTH, before validation, on every route', async () => {
    const deep = `{"loginId":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    for (const path of routes) {
      const response = await h.api('POST', path, { body: deep, bearer: victim.refreshJwt });
      expect([path, response.status, response.body.detail]).toEqual([
        path,
        400,
        'The body is nested too deeply',
      ]);
    }
  });

  it('refuses strings that are not well-formed Unicode, and bodies that are not UTF-8', async () => {
    for (const path of ['/v1/otp/signup/email', '/v1/otp/signin/email', '/v1/otp/verify/email']) {
      const loneSurrogate = '{"loginId":"a\\ud800@example.com","code":"123456"}';
      const response = await h.api('POST', path, { body: loneSurrogate });
      expect([path, response.status, response.body.code]).toEqual([path, 400, 'invalid_request']);
    }
    const latin1 = Buffer.from('{"loginId":"jos\xe9@example.com"}', 'latin1');
    const response = await fetch(`${h.url}/v1/otp/signin/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: latin1,
    });
    expect(response.status).toBe(400);
  });

  it('names an unknown field without echoing it: escaped, cut to 64 characters', async () => {
    const secretKey = `${'S3cret-'.repeat(20)}\u202e\n`;
    const response = await h.api('POST', '/v1/password/signin', {
      body: { loginId: 'a@example.com', password: STRONG_PASSWORD, [secretKey]: 1 },
    });
    expect(response.status).toBe(400);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(secretKey.slice(0, 100));
    expect(text).not.toContain('\u202e');
    expect(response.body.errors[0].field.length).toBeLessThanOrEqual(64);
  });
});
