import { startEmulator } from '@app/descope-emulator';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD } from './support/emulator-harness';
import { loginIdsOf, twoUsers } from './support/otp-merge';

/**
 * An OTP update whose new address is another user's login id. Descope merges the two accounts once
 * the code is verified, and no SDK offers a way to refuse that on the auth route (the emulator,
 * like Descope's SDKs suggest, ignores `failOnConflict` there). So the service looks the address
 * up through the management API first: 409 and no code sent, unless ALLOW_ACCOUNT_MERGE=true and
 * the caller asks to merge; without a management key, `addToLoginIDs` is refused.
 */
describe('Service: OTP update onto another user’s login id, merges not allowed', () => {
  let strict: AppHarness;
  const update = (h: AppHarness, refreshJwt: string, body: object, path = 'email') =>
    h.api('POST', `/v1/otp/update/${path}`, { bearer: refreshJwt, body });

  beforeAll(async () => {
    strict = await startApp({ DESCOPE_MANAGEMENT_KEY: 'k' });
  });
  afterAll(() => strict.close());

  it('answers 409 user_exists at the update, sends no code, and both accounts stay', async () => {
    const { mover, holder, moverAuth, holderAuth } = await twoUsers(strict);
    for (const email of [holder, holder.toUpperCase()]) {
      const refused = await update(strict, moverAuth.refreshJwt, {
        loginId: mover,
        email,
        addToLoginIDs: true,
      });
      expect([refused.status, refused.body.code]).toEqual([409, 'user_exists']);
      expect(JSON.stringify(refused.body).toLowerCase()).not.toContain(holder);
    }
    expect(await strict.outbox(mover)).toEqual([]);
    expect(await loginIdsOf(strict, holderAuth.user.userId)).toEqual([holder]);
    expect(await loginIdsOf(strict, moverAuth.user.userId)).toEqual([mover]);
  });

  it('lets a user add an address nobody holds, or one of its own, and change to a taken one without adding it', async () => {
    const { mover, holder, moverAuth } = await twoUsers(strict);
    for (const body of [
      { loginId: mover, email: mover, addToLoginIDs: true },
      { loginId: mover, email: `new.${mover}`, addToLoginIDs: true },
      { loginId: mover, email: holder },
    ]) {
      expect((await update(strict, moverAuth.refreshJwt, body)).status).toBe(202);
    }
    expect((await strict.outbox(mover)).map(({ to }) => to)).toEqual(
      expect.arrayContaining([mover, `new.${mover}`, holder]),
    );
  });

  it('looks again at verify: an address taken since the code was sent is 409, and nobody merges', async () => {
    const { mover, moverAuth } = await twoUsers(strict);
    const address = `late.${mover}`;
    const body = { loginId: mover, email: address, addToLoginIDs: true };
    expect((await update(strict, moverAuth.refreshJwt, body)).status).toBe(202);
    const [message] = await strict.outbox(mover);
    // A password sign-up proves no address: anyone can take it before the code is used.
    const squatter = await strict.api('POST', '/v1/password/signup', {
      body: { loginId: address, password: STRONG_PASSWORD },
    });
    expect(squatter.status).toBe(201);
    const verified = await strict.api('POST', '/v1/otp/verify/email', {
      body: { loginId: mover, code: message.code },
    });
    expect([verified.status, verified.body.code]).toEqual([409, 'user_exists']);
    expect(await loginIdsOf(strict, squatter.body.user.userId)).toEqual([address]);
    expect(await loginIdsOf(strict, moverAuth.user.userId)).toEqual([mover]);
  });

  it('refuses onMergeUseExisting with 400 naming the field unless merges are allowed', async () => {
    const { mover, holder, moverAuth } = await twoUsers(strict);
    for (const path of ['email', 'phone/sms']) {
      const address = path === 'email' ? { email: holder } : { phone: '+14155550100' };
      const body = { loginId: mover, ...address, addToLoginIDs: true, onMergeUseExisting: true };
      const refused = await update(strict, moverAuth.refreshJwt, body, path);
      expect([refused.status, refused.body.code]).toEqual([400, 'invalid_request']);
      expect(refused.body.errors).toEqual([
        { field: 'onMergeUseExisting', message: 'refused unless ALLOW_ACCOUNT_MERGE=true' },
      ]);
    }
    expect(await strict.outbox(mover)).toEqual([]);
  });

  it('without a management key, refuses addToLoginIDs with 400 naming the key', async () => {
    const keyless = await startApp();
    try {
      const { mover, moverAuth } = await twoUsers(keyless);
      const body = { loginId: mover, email: `new.${mover}` };
      const refused = await update(keyless, moverAuth.refreshJwt, { ...body, addToLoginIDs: true });
      expect([refused.status, refused.body.errors]).toEqual([
        400,
        [{ field: 'addToLoginIDs', message: 'refused unless DESCOPE_MANAGEMENT_KEY is set' }],
      ]);
      expect((await update(keyless, moverAuth.refreshJwt, body)).status).toBe(202);
    } finally {
      await keyless.close();
    }
  });

  it('answers 502 and sends nothing when Descope refuses the management key', async () => {
    const emulator = await startEmulator({ managementKey: 'the-right-key' });
    const wrongKey = await startApp({ DESCOPE_MANAGEMENT_KEY: 'a-wrong-key' }, emulator);
    try {
      const { mover, moverAuth } = await twoUsers(wrongKey);
      const body = { loginId: mover, email: `new.${mover}`, addToLoginIDs: true };
      const refused = await update(wrongKey, moverAuth.refreshJwt, body);
      expect([refused.status, refused.body.code]).toEqual([502, 'upstream_unavailable']);
      expect(JSON.stringify(refused.body)).not.toContain('a-wrong-key');
      expect(await wrongKey.outbox(mover)).toEqual([]);
    } finally {
      await wrongKey.close();
      await emulator.close();
    }
  });
});
