import DescopeClient from '@descope/node-sdk';
import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';

const shown = ({ status, body }: ApiResponse) => ({ status, ...body, requestId: undefined });

/**
 * Descope's `mask_errors` ("Hide sensitive error information": terraform-provider-descope,
 * password settings) answers every failed password sign-in alike. With it on, and a lock-out, the
 * service's answers stay identical for an unknown user, a wrong password and a locked account.
 */
describe('Security: masked errors at Descope, with a lock-out', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp({}, { maskErrors: true, lockoutAttempts: 2 });
  });
  afterAll(() => h.close());

  const signUp = async () => {
    const loginId = uniqueEmail('masked');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    return loginId;
  };

  it('the emulator masks: unknown, wrong and locked answer the same code', async () => {
    const sdk = DescopeClient({ projectId: h.emulator.projectId, baseUrl: h.emulator.baseUrl });
    const [wrongOne, lockedOne] = [await signUp(), await signUp()];
    for (let i = 0; i < 2; i += 1) await sdk.password.signIn(lockedOne, 'Wrong-Pass-1');
    const answers = await Promise.all([
      sdk.password.signIn(uniqueEmail('nobody'), 'Wrong-Pass-1'),
      sdk.password.signIn(wrongOne, 'Wrong-Pass-1'),
      sdk.password.signIn(lockedOne, STRONG_PASSWORD),
    ]);
    const codes = answers.map(({ code, error }) => [code, error?.errorCode]);
    expect(codes).toEqual(Array(3).fill([401, 'E062903']));
  });

  it('answers sign-in and replace alike for unknown, wrong and locked', async () => {
    const [wrongOne, lockedOne] = [await signUp(), await signUp()];
    const signIn = (loginId: string, password: string) =>
      h.api('POST', '/v1/password/signin', { body: { loginId, password } });
    const replace = (loginId: string, oldPassword: string) =>
      h.api('POST', '/v1/password/replace', {
        body: { loginId, oldPassword, newPassword: 'Next-Pass-42' },
      });
    for (let i = 0; i < 2; i += 1) await signIn(lockedOne, 'Wrong-Pass-1');
    for (const send of [signIn, replace]) {
      const answers = [
        await send(uniqueEmail('nobody'), 'Wrong-Pass-1'),
        await send(wrongOne, 'Wrong-Pass-1'),
        await send(lockedOne, STRONG_PASSWORD),
      ].map(shown);
      expect(answers[0]).toMatchObject({ status: 401, code: 'invalid_credentials' });
      expect(answers.slice(1)).toEqual([answers[0], answers[0]]);
    }
  });
});
