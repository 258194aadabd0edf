import {
  EmulatorHarness,
  startHarness,
  STRONG_PASSWORD,
  uniqueEmail,
} from '../support/emulator-harness';
import { bearer, json, management, read, signUpByPassword } from './wire';

/**
 * Passwords on the wire. Sources: docs.descope.com/api/passwords/* (bodies and answers: sign-up
 * and sign-in answer a JWTResponse; reset answers {resetMethod, maskedEmail}; policy), node-sdk
 * README ("sendReset will only work if the user has a validated email address"), node-sdk
 * lib/errors.ts and go-sdk errors.go (codes), the Ruby SDK's integration tests (a wrong password
 * is 401), core-js-sdk `src/sdk/password.ts` (paths; update sends the refresh token as bearer).
 */
describe('Conformance: passwords', () => {
  let h: EmulatorHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('sign-up answers a JWTResponse with amr pwd; an existing login id is E062107', async () => {
    const loginId = uniqueEmail('conf');
    const body = { loginId, password: STRONG_PASSWORD, user: { name: 'Ada' } };
    const signedUp = await json(h.raw('POST', '/v1/auth/password/signup', body));
    expect(signedUp).toMatchObject({
      sessionJwt: expect.any(String),
      refreshJwt: expect.any(String),
      firstSeen: true,
      user: { loginIds: [loginId], name: 'Ada', verifiedEmail: false },
    });
    const again = await h.raw('POST', '/v1/auth/password/signup', body);
    expect([again.status, (await read(again)).errorCode]).toEqual([400, 'E062107']);
  });

  it('a wrong password is 401 E062903; a weak new one is refused', async () => {
    const user = await signUpByPassword(h);
    const wrong = await h.raw('POST', '/v1/auth/password/signin', {
      loginId: user.loginId,
      password: 'Wrong-Pass-1',
    });
    expect([wrong.status, (await read(wrong)).errorCode]).toEqual([401, 'E062903']);
    const weak = await h.raw(
      'POST',
      '/v1/auth/password/update',
      { loginId: user.loginId, newPassword: 'short' },
      bearer(h, user.refreshJwt),
    );
    expect(weak.status).toBe(400);
  });

  it('policy answers the rules new passwords must meet', async () => {
    const policy = await json(h.raw('GET', '/v1/auth/password/policy'));
    expect(policy).toMatchObject({
      minLength: expect.any(Number),
      lowercase: expect.any(Boolean),
      uppercase: expect.any(Boolean),
      number: expect.any(Boolean),
      nonAlphanumeric: expect.any(Boolean),
    });
  });

  it('reset sends a link only to a verified email (the refusal code is a stand-in)', async () => {
    const unverified = await signUpByPassword(h);
    const refused = await h.raw('POST', '/v1/auth/password/reset', { loginId: unverified.loginId });
    expect([refused.status, (await read(refused)).errorCode]).toEqual([400, 'E011004']);

    const loginId = uniqueEmail('conf');
    await h.raw(
      'POST',
      '/v1/mgmt/user/create',
      { loginId, email: loginId, verifiedEmail: true },
      management(h),
    );
    const sent = await json(h.raw('POST', '/v1/auth/password/reset', { loginId }));
    expect(sent).toEqual({
      resetMethod: 'magiclink',
      maskedEmail: expect.stringContaining('***@'),
    });
    const [{ token }] = await h.outbox(loginId);
    // The link's token verifies once through magiclink/verify, answering a JWTResponse.
    expect(await json(h.raw('POST', '/v1/auth/magiclink/verify', { token }))).toMatchObject({
      user: { loginIds: [loginId] },
    });
    const reused = await h.raw('POST', '/v1/auth/magiclink/verify', { token });
    expect(reused.status).toBe(401);
  });
});
