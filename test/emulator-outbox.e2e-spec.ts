import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/**
 * The emulator's outbox as a developer reads it: a phone number typed with a raw `+`, and a note
 * of each send that did not happen and why, while the service's answer stays the uniform 202.
 */
describe('Emulator outbox for developers', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  const rawOutbox = async (query: string) =>
    (
      (await (await fetch(`${h.emulator.baseUrl}/emulator/outbox?${query}`)).json()) as {
        messages: Record<string, string>[];
      }
    ).messages;

  it('finds a number typed with a raw + as well as with %2B', async () => {
    const phone = `+1415555${String(Date.now()).slice(-4)}`;
    expect((await h.api('POST', '/v1/otp/signup/sms', { body: { loginId: phone } })).status).toBe(
      202,
    );
    const typed = await rawOutbox(`loginId=${phone}`);
    const encoded = await rawOutbox(`loginId=${encodeURIComponent(phone)}`);
    expect(typed).toHaveLength(1);
    expect(typed).toEqual(encoded);
    expect(typed[0]).toMatchObject({ kind: 'signup', to: phone, code: expect.any(String) });
  });

  it('notes a reset it did not send, and why, while the service answers 202 alike', async () => {
    const unverified = uniqueEmail('unverified');
    await h.api('POST', '/v1/password/signup', {
      body: { loginId: unverified, password: STRONG_PASSWORD },
    });
    const ghost = uniqueEmail('ghost');
    for (const loginId of [unverified, ghost]) {
      expect((await h.api('POST', '/v1/password/reset', { body: { loginId } })).status).toBe(202);
    }
    const [note] = await rawOutbox(`loginId=${encodeURIComponent(unverified)}`);
    expect(note).toMatchObject({
      kind: 'password-reset',
      suppressed: expect.stringMatching(/no verified email/),
    });
    expect(note).not.toHaveProperty('link');
    const [unknown] = await rawOutbox(`loginId=${encodeURIComponent(ghost)}`);
    expect(unknown.suppressed).toMatch(/no user has this login id/);
    expect(await h.outbox(unverified)).toEqual([]); // nothing was sent
  });

  it('notes an OTP sign-in for a login id nobody has', async () => {
    const ghost = uniqueEmail('ghost');
    expect((await h.api('POST', '/v1/otp/signin/email', { body: { loginId: ghost } })).status).toBe(
      202,
    );
    const [note] = await rawOutbox(`loginId=${encodeURIComponent(ghost)}`);
    expect(note).toMatchObject({ kind: 'signin', suppressed: expect.stringMatching(/no user/) });
    expect(note).not.toHaveProperty('code');
  });
});
