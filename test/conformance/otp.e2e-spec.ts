import { EmulatorHarness, startHarness, uniqueEmail } from '../support/emulator-harness';
import { bearer, json, management, read, signUpByPassword } from './wire';

/**
 * OTP on the wire, as Descope publishes it. Sources: docs.descope.com/api/otp/email/* (request and
 * response bodies), core-js-sdk `src/sdk/otp/index.ts` (paths, the options spread into the body),
 * descope-kotlin `types/Others.kt` and swift `types/Others.swift` (`onMergeUseExisting` semantics),
 * descope-java PR #374 by a Descope maintainer (merge by default; E062125 is never answered here).
 */
describe('Conformance: OTP', () => {
  let h: EmulatorHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('sign-up answers {maskedEmail} and the verify answer is a JWTResponse', async () => {
    // docs /api/otp/email/sign-up: body {loginId, user}; response {maskedEmail}.
    const loginId = uniqueEmail('conf');
    const sent = await h.raw('POST', '/v1/auth/otp/signup/email', { loginId, user: {} });
    expect([sent.status, await read(sent)]).toEqual([200, { maskedEmail: expect.any(String) }]);
    const [{ code }] = await h.outbox(loginId);
    // docs /api/otp/email/verify-otp: body {loginId, code}; response JWTResponse.
    const verified = await json(h.raw('POST', '/v1/auth/otp/verify/email', { loginId, code }));
    expect(verified).toMatchObject({
      sessionJwt: expect.any(String),
      refreshJwt: expect.any(String),
      cookieName: 'DSR',
      firstSeen: true,
      user: { loginIds: [loginId], verifiedEmail: true },
    });
  });

  it('a wrong code is 400 E061102', async () => {
    // node-sdk lib/errors.ts: wrongOTPCode 'E061102'; 400 as descope-kotlin's test mocks it.
    const loginId = uniqueEmail('conf');
    await h.raw('POST', '/v1/auth/otp/signup/email', { loginId, user: {} });
    const wrong = await h.raw('POST', '/v1/auth/otp/verify/email', { loginId, code: '000000' });
    expect([wrong.status, (await read(wrong)).errorCode]).toEqual([400, 'E061102']);
  });

  describe('update with addToLoginIDs onto another user’s login id', () => {
    /** `mover` adds `holder`'s login id; returns the verify answer. */
    async function update(extra: object) {
      const [mover, holder] = [await signUpByPassword(h), await signUpByPassword(h)];
      const sent = await h.raw(
        'POST',
        '/v1/auth/otp/update/email',
        { loginId: mover.loginId, email: holder.loginId, addToLoginIDs: true, ...extra },
        bearer(h, mover.refreshJwt),
      );
      // docs /api/otp/email/update-email: response {maskedEmail}; the code goes to the new address.
      expect(sent.status).toBe(200);
      const [message] = await h.outbox(mover.loginId);
      expect(message.to).toBe(holder.loginId);
      const verify = { loginId: mover.loginId, code: message.code };
      return { mover, holder, verified: await h.raw('POST', '/v1/auth/otp/verify/email', verify) };
    }
    const load = (userId: string) =>
      h.raw('GET', `/v1/mgmt/user?userId=${userId}`, undefined, management(h));

    it('merges by default: the updated user is kept, the other deleted', async () => {
      // kotlin Others.kt: "By default, the updated user is kept, the existing user's details are
      // merged into the updated user, and the existing user is then deleted."
      const { mover, holder, verified } = await update({});
      const body = await read(verified);
      expect([verified.status, body.user.userId]).toEqual([200, mover.userId]);
      expect(body.user.loginIds).toEqual([mover.loginId, holder.loginId]);
      expect((await load(holder.userId)).status).toBe(404);
    });

    it('with onMergeUseExisting: the other user is kept and its session returned', async () => {
      // kotlin Others.kt: "the updated user is merged into the existing user, and the updated user
      // is deleted ... the refreshJwt that was used ... will no longer be valid".
      const { mover, holder, verified } = await update({ onMergeUseExisting: true });
      expect((await read(verified)).user.userId).toBe(holder.userId);
      const refresh = await h.raw('POST', '/v1/auth/refresh', {}, bearer(h, mover.refreshJwt));
      expect(refresh.status).toBe(401);
      expect((await load(mover.userId)).status).toBe(404);
    });

    it('ignores failOnConflict on the auth route: the merge happens anyway', async () => {
      // No Descope SDK sends failOnConflict on the auth update: core-js `UpdateOptions`
      // (src/sdk/types.ts), descope-java `model/auth/UpdateOptions.java`, go-sdk and python-sdk
      // have addToLoginIDs and onMergeUseExisting only; it exists on the management updates
      // (node-sdk lib/management/user.ts `updateEmail`). Inferred: Descope ignores it here.
      const { mover, holder, verified } = await update({ failOnConflict: true });
      expect([verified.status, (await read(verified)).user.userId]).toEqual([200, mover.userId]);
      expect((await load(holder.userId)).status).toBe(404);
    });
  });
});
