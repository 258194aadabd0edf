import { generateSync } from 'otplib';
import { EmulatorHarness, startHarness, uniqueEmail } from '../support/emulator-harness';
import { management, read } from './wire';

/**
 * TOTP on the wire. Sources: docs.descope.com/api/totp/sign-up (body {loginId, user}; answer
 * {provisioningURL, image, key}; "The new end user will be registered after the full TOTP sign-up
 * flow has successfully completed"), docs.descope.com/api/totp/verify (body {loginId, code,
 * loginOptions}; answer JWTResponse), core-js-sdk `src/sdk/totp.ts` (paths).
 */
describe('Conformance: TOTP', () => {
  let h: EmulatorHarness;
  const load = (loginId: string) =>
    h.raw('GET', `/v1/mgmt/user?loginId=${encodeURIComponent(loginId)}`, undefined, management(h));
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('sign-up answers the enrolment; the user exists only after the first right code', async () => {
    const loginId = uniqueEmail('conf');
    const enrolled = await h.raw('POST', '/v1/auth/totp/signup', { loginId, user: {} });
    const body = await read(enrolled);
    expect([enrolled.status, Object.keys(body).sort()]).toEqual([
      200,
      ['image', 'key', 'provisioningURL'],
    ]);
    expect(body.provisioningURL).toMatch(/^otpauth:\/\/totp\//);
    expect((await load(loginId)).status).toBe(404);

    const wrong = await h.raw('POST', '/v1/auth/totp/verify', { loginId, code: '000000' });
    expect([wrong.status, (await read(wrong)).errorCode]).toEqual([400, 'E061102']);
    expect((await load(loginId)).status).toBe(404);

    const code = generateSync({ secret: body.key });
    const verified = await h.raw('POST', '/v1/auth/totp/verify', { loginId, code });
    expect(await read(verified)).toMatchObject({ firstSeen: true, user: { loginIds: [loginId] } });
    expect((await load(loginId)).status).toBe(200);
  });

  it('sign-up for an existing user is E062107', async () => {
    // node-sdk lib/errors.ts and the java PR #374 list: E062107 USER_ALREADY_EXISTS.
    const loginId = uniqueEmail('conf');
    const { key } = await read(await h.raw('POST', '/v1/auth/totp/signup', { loginId }));
    await h.raw('POST', '/v1/auth/totp/verify', { loginId, code: generateSync({ secret: key }) });
    const again = await h.raw('POST', '/v1/auth/totp/signup', { loginId });
    expect([again.status, (await read(again)).errorCode]).toEqual([400, 'E062107']);
  });
});
