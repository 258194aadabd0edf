import { AppHarness, startApp } from './support/app-harness';
import { twoUsers, updateAndVerify } from './support/otp-merge';

/**
 * An OTP update whose new address is another user's login id. Descope merges the two accounts
 * unless the request carries failOnConflict; the service sends it on every update, and lets a
 * caller ask for a merge (onMergeUseExisting) only when ALLOW_ACCOUNT_MERGE=true.
 */
describe('Service: OTP update onto another user’s login id, merges not allowed', () => {
  let strict: AppHarness;

  beforeAll(async () => {
    strict = await startApp();
  });
  afterAll(() => strict.close());

  it('answers 409 user_exists, and both accounts stay as they were', async () => {
    const { mover, holder, moverAuth, holderAuth } = await twoUsers(strict);
    const verified = await updateAndVerify(strict, moverAuth.refreshJwt, {
      loginId: mover,
      email: holder,
      addToLoginIDs: true,
    });
    expect([verified.status, verified.body.code]).toEqual([409, 'user_exists']);
    expect(JSON.stringify(verified.body)).not.toContain(holder);
    const holderMe = await strict.api('GET', '/v1/session/me', { bearer: holderAuth.refreshJwt });
    expect([holderMe.status, holderMe.body.loginIds]).toEqual([200, [holder]]);
    const moverMe = await strict.api('GET', '/v1/session/me', { bearer: moverAuth.refreshJwt });
    expect(moverMe.body.loginIds).toEqual([mover]);
  });

  it('refuses onMergeUseExisting with 400 naming the field unless merges are allowed', async () => {
    const { mover, holder, moverAuth } = await twoUsers(strict);
    for (const path of ['/v1/otp/update/email', '/v1/otp/update/phone/sms']) {
      const refused = await strict.api('POST', path, {
        bearer: moverAuth.refreshJwt,
        body: {
          loginId: mover,
          ...(path.endsWith('email') ? { email: holder } : { phone: '+14155550100' }),
          addToLoginIDs: true,
          onMergeUseExisting: true,
        },
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'invalid_request']);
      expect(refused.body.errors).toEqual([
        { field: 'onMergeUseExisting', message: 'refused unless ALLOW_ACCOUNT_MERGE=true' },
      ]);
    }
    expect(await strict.outbox(mover)).toEqual([]);
  });
});
