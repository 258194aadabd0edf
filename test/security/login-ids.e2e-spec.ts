import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD } from '../support/emulator-harness';

const unique = () => Math.random().toString(36).slice(2, 10);

describe('Security: login ids have one spelling', () => {
  let h: AppHarness;
  const signUp = (loginId: string) =>
    h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
  const signIn = (loginId: string) =>
    h.api('POST', '/v1/password/signin', { body: { loginId, password: STRONG_PASSWORD } });

  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  it('makes NFC and NFD spellings one account', async () => {
    const nfd = `jose\u0301.${unique()}@example.com`;
    const nfc = nfd.normalize('NFC');
    expect(nfd).not.toBe(nfc);
    expect((await signUp(nfd)).status).toBe(201);
    const again = await signUp(nfc);
    expect([again.status, again.body.code]).toEqual([409, 'user_exists']);
    const signedIn = await signIn(nfc);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.loginIds).toEqual([nfc]);
  });

  it('trims surrounding white space, Unicode spaces included', async () => {
    const loginId = `trim.${unique()}@example.com`;
    expect((await signUp(`  ${loginId}\u00a0`)).body.user.loginIds).toEqual([loginId]);
    expect((await signIn(`\u3000${loginId} `)).status).toBe(200);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['CR', '\r'],
    ['LF', '\n'],
    ['DEL', '\u007f'],
    ['right-to-left override', '\u202e'],
    ['left-to-right isolate', '\u2066'],
    ['zero-width space', '\u200b'],
    ['zero-width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['Arabic letter mark (bidi)', '\u061c'],
    ['soft hyphen', '\u00ad'],
    ['combining grapheme joiner', '\u034f'],
    ['Mongolian vowel separator', '\u180e'],
    ['invisible times', '\u2062'],
    ['Hangul filler', '\u3164'],
    ['variation selector', '\ufe0f'],
    ['tag character', '\u{e0041}'],
    ['line separator', '\u2028'],
    ['no-break space inside', '\u00a0'],
  ])('refuses a login id holding %s, on every route that takes one', async (_name, char) => {
    const loginId = `evil${char}${unique()}@example.com`;
    for (const [path, body] of [
      ['/v1/password/signup', { loginId, password: STRONG_PASSWORD }],
      ['/v1/password/signin', { loginId, password: STRONG_PASSWORD }],
      ['/v1/otp/signup/email', { loginId }],
      ['/v1/otp/verify/email', { loginId, code: '123456' }],
      ['/v1/totp/signup', { loginId }],
    ] as const) {
      const response = await h.api('POST', path, { body });
      expect([path, response.status, response.body.errors?.[0]?.field]).toEqual([
        path,
        400,
        'loginId',
      ]);
    }
  });
});
