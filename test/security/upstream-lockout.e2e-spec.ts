import DescopeClient from '@descope/node-sdk';
import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';

const withoutId = ({ status, body }: ApiResponse) => ({ status, ...body, requestId: undefined });

/**
 * A Descope project can lock an account after N wrong passwords. Whatever Descope answers a
 * locked account, the service must answer it exactly like a wrong password, or the lock-out
 * itself tells an attacker that the account exists and that the guesses were counted.
 */
describe('Security: an account locked by Descope answers like a wrong password', () => {
  let h: AppHarness;
  const signIn = (loginId: string, password: string) =>
    h.api('POST', '/v1/password/signin', { body: { loginId, password } });

  beforeAll(async () => {
    h = await startApp({}, { lockoutAttempts: 3 });
  });
  afterAll(() => h.close());

  it('answers the right password on a locked account like a wrong one, and like an unknown user', async () => {
    const locked = uniqueEmail('locked');
    const other = uniqueEmail('other');
    for (const loginId of [locked, other]) {
      await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    }
    const wrong = [];
    for (let i = 0; i < 3; i += 1) wrong.push(await signIn(locked, 'Wrong-Pass-1'));
    const right = await signIn(locked, STRONG_PASSWORD);
    const otherWrong = await signIn(other, 'Wrong-Pass-1');
    const nobody = await signIn(uniqueEmail('nobody'), 'Wrong-Pass-1');
    const answers = [...wrong, right, otherWrong, nobody].map(withoutId);
    expect(answers[0]).toMatchObject({ status: 401, code: 'invalid_credentials' });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // The emulator answers the lock with its stand-in code (Descope publishes none), which the
    // service does not know: it is hidden by its status alone.
    const sdk = DescopeClient({ projectId: h.emulator.projectId, baseUrl: h.emulator.baseUrl });
    const raw = await sdk.password.signIn(locked, STRONG_PASSWORD);
    expect([raw.code, raw.error?.errorCode]).toEqual([401, 'E990003']);
    // The other account still signs in: the lock is per account.
    expect((await signIn(other, STRONG_PASSWORD)).status).toBe(200);
  });

  it('answers replace on a locked account like a wrong old password', async () => {
    const loginId = uniqueEmail('locked');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    for (let i = 0; i < 3; i += 1) await signIn(loginId, 'Wrong-Pass-1');
    const replace = (oldPassword: string) =>
      h.api('POST', '/v1/password/replace', {
        body: { loginId, oldPassword, newPassword: 'Next-Pass-42' },
      });
    expect(withoutId(await replace(STRONG_PASSWORD))).toEqual(
      withoutId(await replace('Wrong-Pass-1')),
    );
  });
});
