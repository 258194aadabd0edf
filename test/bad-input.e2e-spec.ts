import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

type Body = Record<string, unknown>;

/** Each POST route with a body, a valid body for it, and the fields to break. */
const ROUTES: { path: string; valid: Body; strings: string[] }[] = [
  {
    path: '/v1/password/signup',
    valid: { loginId: 'a@example.com', password: STRONG_PASSWORD },
    strings: ['loginId', 'password'],
  },
  {
    path: '/v1/password/signin',
    valid: { loginId: 'a@example.com', password: STRONG_PASSWORD },
    strings: ['loginId', 'password'],
  },
  {
    path: '/v1/password/replace',
    valid: { loginId: 'a@example.com', oldPassword: STRONG_PASSWORD, newPassword: STRONG_PASSWORD },
    strings: ['loginId', 'oldPassword', 'newPassword'],
  },
  {
    path: '/v1/password/update',
    valid: { loginId: 'a@example.com', newPassword: STRONG_PASSWORD },
    strings: ['loginId', 'newPassword'],
  },
  { path: '/v1/password/reset', valid: { loginId: 'a@example.com' }, strings: ['loginId'] },
  {
    path: '/v1/password/reset/complete',
    valid: { token: 'abc', newPassword: STRONG_PASSWORD },
    strings: ['token', 'newPassword'],
  },
  { path: '/v1/session/validate', valid: { sessionJwt: 'a.b.c' }, strings: ['sessionJwt'] },
  { path: '/v1/session/tenant', valid: { tenant: 'acme' }, strings: ['tenant'] },
];

const cases = ROUTES.flatMap(({ path, valid, strings }) =>
  strings.flatMap((field) => [
    { path, field, label: 'missing', body: { ...valid, [field]: undefined } },
    { path, field, label: 'a number', body: { ...valid, [field]: 42 } },
    { path, field, label: 'an object', body: { ...valid, [field]: { $ne: '' } } },
    { path, field, label: 'empty', body: { ...valid, [field]: '' } },
    { path, field, label: 'oversized', body: { ...valid, [field]: 'x'.repeat(20000) } },
  ]),
);

/** Bad input on every route gets a 4xx problem naming the field; never a 500. */
describe('Service: bad input', () => {
  let h: AppHarness;
  let refreshJwt: string;

  beforeAll(async () => {
    h = await startApp();
    const signUp = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail(), password: STRONG_PASSWORD },
    });
    refreshJwt = signUp.body.refreshJwt;
  });
  afterAll(() => h.close());

  it.each(cases)('$path with $field $label → 400 naming $field', async ({ path, field, body }) => {
    const response = await h.api('POST', path, { body, bearer: refreshJwt });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 400,
      code: 'invalid_request',
      requestId: expect.any(String),
    });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(JSON.stringify(response.body)).not.toContain('xxxxxxxxxx');
  });

  it.each(ROUTES)('$path refuses an extra field, naming it', async ({ path, valid }) => {
    const response = await h.api('POST', path, {
      body: { ...valid, isAdmin: true },
      bearer: refreshJwt,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'isAdmin', message: 'property isAdmin should not exist' },
    ]);
  });

  it.each(ROUTES)(
    '$path refuses extra fields with caller-chosen names without repeating them',
    async ({ path, valid }) => {
      const names = ['<img src=x onerror=alert(1)>', 'a\u202eb', 'x'.repeat(50), 'two words'];
      const response = await h.api('POST', path, {
        body: { ...valid, ...Object.fromEntries(names.map((name) => [name, 1])) },
        bearer: refreshJwt,
      });
      expect([response.status, response.body.errors]).toEqual([
        400,
        [{ field: '(unnamed)', message: '4 unknown properties (names not repeated) not allowed' }],
      ]);
      const text = JSON.stringify(response.body);
      for (const fragment of ['<img', 'onerror', '\\u202e', 'xxxxxxxxxx', 'two words']) {
        expect(text).not.toContain(fragment);
      }
    },
  );

  it.each(ROUTES)(
    '$path answers malformed JSON, an empty body and a non-JSON type with 4xx',
    async ({ path }) => {
      const malformed = await h.api('POST', path, {
        body: '{"loginId": "a@example.com", "password": "Secret-1',
        bearer: refreshJwt,
      });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'invalid_request']);
      expect(JSON.stringify(malformed.body)).not.toContain('Secret-1');
      const empty = await h.api('POST', path, {
        body: '',
        headers: { 'content-type': 'application/json' },
        bearer: refreshJwt,
      });
      expect(empty.status).toBe(400);
      const form = await h.api('POST', path, {
        body: 'loginId=a',
        headers: { 'content-type': 'text/plain' },
        bearer: refreshJwt,
      });
      expect([form.status, form.body.code]).toEqual([415, 'unsupported_media_type']);
    },
  );

  it('answers a body over the limit with 413 and unknown routes with 404, both as problems', async () => {
    const big = await h.api('POST', '/v1/password/signin', {
      body: { loginId: 'a'.repeat(70 * 1024), password: 'x' },
    });
    expect([big.status, big.body.code]).toEqual([413, 'payload_too_large']);
    const missing = await h.api('GET', '/v1/nothing');
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
  });

  it('validates nested objects and names the nested field', async () => {
    const response = await h.api('POST', '/v1/password/signup', {
      body: {
        loginId: uniqueEmail(),
        password: STRONG_PASSWORD,
        user: { email: 'not-an-email', phone: '12' },
        loginOptions: { stepup: 'yes' },
      },
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['user.email', 'user.phone', 'loginOptions.stepup']),
    );
  });

  it.each([
    [
      '/v1/password/signin',
      { loginId: 'a@example.com', password: STRONG_PASSWORD, loginOptions: null },
      'loginOptions',
    ],
    [
      '/v1/password/signup',
      { loginId: 'a@example.com', password: STRONG_PASSWORD, user: null },
      'user',
    ],
    ['/v1/otp/signup/email', { loginId: 'a@example.com', signUpOptions: null }, 'signUpOptions'],
    [
      '/v1/otp/signin/email',
      { loginId: 'a@example.com', loginOptions: { templateOptions: null } },
      'loginOptions.templateOptions',
    ],
    [
      '/v1/totp/verify',
      { loginId: 'a@example.com', code: '123456', loginOptions: null },
      'loginOptions',
    ],
  ])('%s refuses an explicit null for %j as 400, not a 5xx', async (path, body, field) => {
    const response = await h.api('POST', path, { body });
    expect([response.status, response.body.code]).toEqual([400, 'invalid_request']);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('validates the role and permission lists of validate', async () => {
    const response = await h.api('POST', '/v1/session/validate', {
      body: { sessionJwt: 'a.b.c', roles: 'admin', permissions: [1] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['roles', 'permissions']),
    );
  });
});
