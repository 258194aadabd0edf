import jsQR from 'jsqr';
import { generateSync } from 'otplib';
import { PNG } from 'pngjs';
import { AppHarness, startApp } from './support/app-harness';
import { decodeJwt, STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/** The code an authenticator app shows for a key, now or `stepsAgo` 30-second steps ago. */
const codeFor = (key: string, stepsAgo = 0) =>
  generateSync({ secret: key, epoch: Math.floor(Date.now() / 1000) - stepsAgo * 30 });

describe('Service: TOTP', () => {
  let h: AppHarness;
  const verify = (body: object, bearer?: string) =>
    h.api('POST', '/v1/totp/verify', { body, bearer });

  beforeAll(async () => {
    h = await startApp({}, { maxWrongCodes: 3 });
  });
  afterAll(() => h.close());

  it('enrols, verifies a code from the key, and refuses replay and old codes', async () => {
    const loginId = uniqueEmail('totp');
    const enrolled = await h.api('POST', '/v1/totp/signup', { body: { loginId } });
    expect(enrolled.status).toBe(201);
    const { provisioningURL, key } = enrolled.body;
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(provisioningURL).toBe(
      `otpauth://totp/Descope%20Emulator:${encodeURIComponent(loginId)}?secret=${key}&issuer=Descope%20Emulator&algorithm=SHA1&digits=6&period=30`,
    );

    const code = codeFor(key);
    const verified = await verify({ loginId, code });
    expect(verified.status).toBe(200);
    const session = await h.api('GET', '/v1/session', { bearer: verified.body.sessionJwt });
    expect([session.status, session.body.amr]).toEqual([200, ['totp']]);

    const replay = await verify({ loginId, code });
    expect([replay.status, replay.body.code]).toEqual([401, 'invalid_code']);
    const old = await verify({ loginId, code: codeFor(key, 2) });
    expect([old.status, old.body.code]).toEqual([401, 'invalid_code']);
  });

  it('answers a QR image that decodes back to exactly the provisioning URL', async () => {
    const { body } = await h.api('POST', '/v1/totp/signup', {
      body: { loginId: uniqueEmail('qr') },
    });
    const png = PNG.sync.read(Buffer.from(body.image, 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(body.provisioningURL);
  });

  it('locks after too many wrong codes, then refuses even the right one', async () => {
    const loginId = uniqueEmail('lock');
    const { body } = await h.api('POST', '/v1/totp/signup', { body: { loginId } });
    const right = codeFor(body.key);
    const wrong = right === '000000' ? '111111' : '000000';
    expect((await verify({ loginId, code: wrong })).body.code).toBe('invalid_code');
    expect((await verify({ loginId, code: wrong })).body.code).toBe('invalid_code');
    const locked = await verify({ loginId, code: wrong });
    // Descope's lock-out reads exactly as a wrong code: the route does not reveal accounts.
    expect([locked.status, locked.body.code]).toEqual([401, 'invalid_code']);
    const lockedRight = await verify({ loginId, code: right });
    expect([lockedRight.status, lockedRight.body]).toEqual([
      401,
      { ...locked.body, requestId: lockedRight.body.requestId },
    ]);
  });

  it('adds an app to a password user: the new key works, the old one no longer does, never for another user', async () => {
    const loginId = uniqueEmail('pwd');
    const other = uniqueEmail('other');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    await h.api('POST', '/v1/password/signup', {
      body: { loginId: other, password: STRONG_PASSWORD },
    });
    const notEnrolled = await verify({ loginId, code: '123456' });
    const unknown = await verify({ loginId: uniqueEmail('nobody'), code: '123456' });
    expect([notEnrolled.status, notEnrolled.body.code]).toEqual([401, 'invalid_code']);
    expect(notEnrolled.body.detail).toContain('no authenticator app is enrolled');
    expect(unknown.body.detail).toBe(notEnrolled.body.detail);

    const first = await h.api('POST', '/v1/totp/update', {
      bearer: body.refreshJwt,
      body: { loginId },
    });
    expect(first.status).toBe(200);
    const second = await h.api('POST', '/v1/totp/update', {
      cookies: { DSR: body.refreshJwt },
      body: { loginId },
    });
    expect(second.body.key).not.toBe(first.body.key);
    const oldKey = await verify({ loginId, code: codeFor(first.body.key) });
    expect(oldKey.body.code).toBe('invalid_code');
    expect((await verify({ loginId, code: codeFor(second.body.key) })).status).toBe(200);
    expect((await h.api('GET', '/v1/session/me', { bearer: body.refreshJwt })).body.TOTP).toBe(
      true,
    );

    const foreign = await h.api('POST', '/v1/totp/update', {
      bearer: body.refreshJwt,
      body: { loginId: other },
    });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'forbidden']);
    const anonymous = await h.api('POST', '/v1/totp/update', { body: { loginId } });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'token_missing']);
  });

  it.each([
    ['stepup', true],
    ['mfa', undefined],
  ])('raises a password session with %s: amr holds pwd, totp and mfa', async (how, su) => {
    const loginId = uniqueEmail('stepup');
    const signUp = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    const { body } = await h.api('POST', '/v1/totp/update', {
      bearer: signUp.body.refreshJwt,
      body: { loginId },
    });
    const signIn = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    const noToken = await verify({
      loginId,
      code: codeFor(body.key),
      loginOptions: { [how]: true },
    });
    expect([noToken.status, noToken.body.code]).toEqual([401, 'token_missing']);
    const stepped = await verify(
      { loginId, code: codeFor(body.key), loginOptions: { [how]: true } },
      signIn.body.refreshJwt,
    );
    expect(stepped.status).toBe(200);
    const claims = decodeJwt(stepped.body.sessionJwt).payload;
    expect([claims.amr, claims.sub]).toEqual([['pwd', 'totp', 'mfa'], signUp.body.user.userId]);
    expect(claims.su).toBe(su);
  });

  it('registers the user at the first right code: until then a new sign-up replaces the key; after, 409', async () => {
    const loginId = uniqueEmail();
    const first = await h.api('POST', '/v1/totp/signup', { body: { loginId } });
    const second = await h.api('POST', '/v1/totp/signup', { body: { loginId } });
    expect([second.status, second.body.key === first.body.key]).toEqual([201, false]);
    const stale = await verify({ loginId, code: codeFor(first.body.key) });
    expect([stale.status, stale.body.code]).toEqual([401, 'invalid_code']);
    const verified = await verify({ loginId, code: codeFor(second.body.key) });
    expect([verified.status, verified.body.firstSeen]).toEqual([200, true]);
    const again = await h.api('POST', '/v1/totp/signup', { body: { loginId } });
    expect([again.status, again.body.code]).toEqual([409, 'user_exists']);
  });

  it.each([
    ['/v1/totp/signup', {}, 'loginId'],
    ['/v1/totp/signup', { loginId: 'a@example.com', admin: true }, 'admin'],
    ['/v1/totp/verify', { code: '123456' }, 'loginId'],
    ['/v1/totp/verify', { loginId: 'a@example.com', code: '12345a' }, 'code'],
    ['/v1/totp/verify', { loginId: 'a@example.com', code: '12345' }, 'code'],
    ['/v1/totp/verify', { loginId: 'a@example.com', code: 123456 }, 'code'],
    ['/v1/totp/verify', { loginId: 'a@example.com', code: '123456', extra: 1 }, 'extra'],
  ])('%s with %j → 400 naming %s', async (path, body, field) => {
    const response = await h.api('POST', path, { body });
    expect([response.status, response.body.code]).toEqual([400, 'invalid_request']);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
