import { AppHarness, startApp } from '../support/app-harness';
import { loginIdsOf, twoUsers } from '../support/otp-merge';

/**
 * A hostile but signed-in user against the merge check (AccountMergePolicy): other spellings of
 * another user's address, many updates at once, and probing which addresses have accounts.
 */
describe('Security: attacks on the account-merge check', () => {
  let h: AppHarness;
  beforeAll(async () => {
    // The send budget on for the login id: 3 sends a quarter hour.
    h = await startApp({ DESCOPE_MANAGEMENT_KEY: 'k', SENDS_PER_LOGIN_ID: '3/15m' });
  });
  afterAll(() => h.close());

  const update = (refreshJwt: string, body: object) =>
    h.api('POST', '/v1/otp/update/email', { bearer: refreshJwt, body });

  it('refuses other spellings of the holder’s address, and merges nothing', async () => {
    const { mover, holder, moverAuth, holderAuth } = await twoUsers(h);
    const [local, domain] = holder.split('@');
    for (const email of [
      holder.toUpperCase(),
      `${local[0].toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`,
    ]) {
      const answer = await update(moverAuth.refreshJwt, {
        loginId: mover,
        email,
        addToLoginIDs: true,
      });
      expect([email, answer.status]).toEqual([email, 409]);
    }
    expect(await h.outbox(mover)).toEqual([]);
    expect(await loginIdsOf(h, holderAuth.user.userId)).toEqual([holder]);
  });

  it('refuses every one of many concurrent updates onto the holder’s address', async () => {
    const { mover, holder, moverAuth } = await twoUsers(h);
    const body = { loginId: mover, email: holder, addToLoginIDs: true };
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => update(moverAuth.refreshJwt, body)),
    );
    expect(answers.map(({ status }) => status)).toEqual([409, 409, 409]);
    expect(await h.outbox(mover)).toEqual([]);
  });

  it('answers probes beyond the send budget alike, taken address or not', async () => {
    const { mover, holder, moverAuth } = await twoUsers(h);
    const probe = (email: string) =>
      update(moverAuth.refreshJwt, { loginId: mover, email, addToLoginIDs: true });
    for (let i = 0; i < 3; i += 1) await probe(`free${i}.${mover}`);
    const [taken, free] = [await probe(holder), await probe(`free.${mover}`)];
    expect([taken.status, free.status]).toEqual([202, 202]);
    expect(taken.body.maskedAddress).toBe(`${holder[0]}***@example.com`);
  });

  it('keeps a signed-in user of one account from checking with another’s refresh token', async () => {
    const { mover, holder, holderAuth } = await twoUsers(h);
    const foreign = await update(holderAuth.refreshJwt, {
      loginId: mover,
      email: `x.${holder}`,
      addToLoginIDs: true,
    });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'forbidden']);
  });
});
