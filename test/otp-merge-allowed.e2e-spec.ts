import { AppHarness, startApp } from './support/app-harness';
import { loginIdsOf, twoUsers, updateAndVerify } from './support/otp-merge';

/** The same, with ALLOW_ACCOUNT_MERGE=true: a merge happens only when the caller asks for it. */
describe('Service: OTP update onto another user’s login id, merges allowed', () => {
  let merging: AppHarness;

  beforeAll(async () => {
    merging = await startApp({ ALLOW_ACCOUNT_MERGE: 'true', DESCOPE_MANAGEMENT_KEY: 'k' });
  });
  afterAll(() => merging.close());

  it('with ALLOW_ACCOUNT_MERGE=true, still answers 409 unless the caller asks to merge', async () => {
    const { mover, holder, moverAuth } = await twoUsers(merging);
    const refused = await merging.api('POST', '/v1/otp/update/email', {
      bearer: moverAuth.refreshJwt,
      body: { loginId: mover, email: holder, addToLoginIDs: true },
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'user_exists']);
    expect(await merging.outbox(mover)).toEqual([]);
  });

  it('with ALLOW_ACCOUNT_MERGE=true and onMergeUseExisting, merges into the holder', async () => {
    const { mover, holder, moverAuth, holderAuth } = await twoUsers(merging);
    const verified = await updateAndVerify(merging, moverAuth.refreshJwt, {
      loginId: mover,
      email: holder,
      addToLoginIDs: true,
      onMergeUseExisting: true,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.user.userId).toBe(holderAuth.user.userId);
    expect(verified.body.user.loginIds).toEqual(expect.arrayContaining([mover, holder]));
    expect(await loginIdsOf(merging, moverAuth.user.userId)).toBe(404);
    const old = await merging.api('POST', '/v1/session/refresh', { bearer: moverAuth.refreshJwt });
    expect([old.status, old.body.code]).toEqual([401, 'token_invalid']);
  });
});
