import {
  decodeJwt,
  EmulatorHarness,
  STRONG_PASSWORD,
  startHarness,
  uniqueEmail,
} from './support/emulator-harness';

const uniquePhone = () => `+1555${Math.floor(1e6 + Math.random() * 8.9e6)}`;

/** The real SDK's OTP calls against the emulator. */
describe('Emulator: OTP through the real SDK', () => {
  let h: EmulatorHarness;
  const lastCode = async (loginId: string) => (await h.outbox(loginId))[0];

  beforeAll(async () => {
    h = await startHarness({ maxWrongCodes: 3 });
  });
  afterAll(() => h.close());

  it('signs up by email: masked answer, code in the outbox, verify gives a session with amr email', async () => {
    const loginId = uniqueEmail();
    const sent = await h.sdk.otp.signUp.email(loginId, { name: 'Ada' });
    expect(sent.data).toEqual({ maskedEmail: `${loginId[0]}***@example.com` });
    const message = await lastCode(loginId);
    expect(message).toMatchObject({
      channel: 'email',
      kind: 'signup',
      to: loginId,
      code: expect.stringMatching(/^\d{6}$/),
    });
    const verified = await h.sdk.otp.verify.email(loginId, message.code!);
    expect(verified.ok).toBe(true);
    expect(verified.data?.user).toMatchObject({ email: loginId, verifiedEmail: true, name: 'Ada' });
    expect(decodeJwt(verified.data!.sessionJwt).payload.amr).toEqual(['email']);
    expect((await h.sdk.otp.verify.email(loginId, message.code!)).error?.errorCode).toBe('E061102');
  });

  it.each(['sms', 'voice', 'whatsapp'] as const)('signs up and in by %s', async (channel) => {
    const phone = uniquePhone();
    const sent = await h.sdk.otp.signUp[channel](phone);
    expect(sent.data).toEqual({ maskedPhone: `+*******${phone.slice(-4)}` });
    await h.sdk.otp.verify[channel](phone, (await lastCode(phone)).code!);
    expect((await h.sdk.otp.signIn[channel](phone)).ok).toBe(true);
    const message = await lastCode(phone);
    expect(message).toMatchObject({ channel, kind: 'signin' });
    const verified = await h.sdk.otp.verify[channel](phone, message.code!);
    // Descope documents no amr for a voice call: a phone code reads `sms` (docs/descope-wire.md).
    const amr = channel === 'voice' ? 'sms' : channel;
    expect(decodeJwt(verified.data!.sessionJwt).payload.amr).toEqual([amr]);
    expect(verified.data?.user?.verifiedPhone).toBe(true);
  });

  it('replaces the code on a new send and locks after the wrong-code limit', async () => {
    const loginId = uniqueEmail();
    await h.sdk.otp.signUpOrIn.email(loginId);
    const first = (await lastCode(loginId)).code!;
    await h.sdk.otp.signUpOrIn.email(loginId);
    const second = (await lastCode(loginId)).code!;
    // A code is 1 in a million: a replaced code that happens to equal the new one is not a bug.
    const wrong = ['000000', '111111', '222222'].find((code) => code !== second)!;
    expect(
      (await h.sdk.otp.verify.email(loginId, first === second ? wrong : first)).error?.errorCode,
    ).toBe('E061102');
    expect((await h.sdk.otp.verify.email(loginId, wrong)).error?.errorCode).toBe('E061102');
    const locked = await h.sdk.otp.verify.email(loginId, wrong);
    expect([locked.code, locked.error?.errorCode]).toEqual([400, 'E061103']);
    expect((await h.sdk.otp.verify.email(loginId, second)).error?.errorCode).toBe('E061102');
  });

  it('refuses an expired code', async () => {
    const loginId = uniqueEmail();
    await h.sdk.otp.signUp.email(loginId);
    const pending = h.emulator.context.otpCodes.peek(loginId, 'email', 'signup')!;
    pending.expiresAt = Date.now() - 1;
    expect((await h.sdk.otp.verify.email(loginId, pending.code)).error?.errorCode).toBe('E061102');
  });

  it('updates the email with a refresh token, applied only after the code is verified', async () => {
    const loginId = uniqueEmail();
    const { data } = await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const newEmail = uniqueEmail('new');
    const sent = await h.sdk.otp.update.email(loginId, newEmail, data!.refreshJwt, {
      addToLoginIDs: true,
    });
    expect(sent.ok).toBe(true);
    expect((await h.sdk.me(data!.refreshJwt)).data?.email).toBe(loginId);
    const message = await lastCode(loginId);
    expect(message).toMatchObject({ kind: 'update-email', to: newEmail });
    expect((await h.sdk.otp.verify.email(loginId, message.code!)).ok).toBe(true);
    expect((await h.sdk.me(data!.refreshJwt)).data).toMatchObject({
      email: newEmail,
      verifiedEmail: true,
      loginIds: [loginId, newEmail],
    });
    expect((await h.sdk.otp.update.email(loginId, uniqueEmail(), undefined)).error?.errorCode).toBe(
      'E990001',
    );
  });

  it('steps up: the new session keeps the user, adds the channel to amr and carries su', async () => {
    const loginId = uniqueEmail();
    const { data } = await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    expect((await h.sdk.otp.signIn.email(loginId, { stepup: true })).error?.errorCode).toBe(
      'E990001',
    );
    expect((await h.sdk.otp.signIn.email(loginId, { stepup: true }, data!.refreshJwt)).ok).toBe(
      true,
    );
    const verified = await h.sdk.otp.verify.email(loginId, (await lastCode(loginId)).code!);
    const claims = decodeJwt(verified.data!.sessionJwt).payload;
    // Descope's docs: mfa means two or more unique methods; a step-up sets su: true.
    expect(claims.amr).toEqual(['pwd', 'email', 'mfa']);
    expect([claims.su, claims.sub]).toEqual([true, data!.user!.userId]);
  });

  it('steps up with the same method: no mfa in amr, su set; mfa: true sets no su', async () => {
    const loginId = uniqueEmail();
    await h.sdk.otp.signUp.email(loginId, { email: loginId });
    const first = await h.sdk.otp.verify.email(loginId, (await lastCode(loginId)).code!);
    await h.sdk.otp.signIn.email(loginId, { stepup: true }, first.data!.refreshJwt);
    const again = await h.sdk.otp.verify.email(loginId, (await lastCode(loginId)).code!);
    const stepped = decodeJwt(again.data!.sessionJwt).payload;
    expect([stepped.amr, stepped.su]).toEqual([['email'], true]);
    await h.sdk.otp.signIn.email(loginId, { mfa: true }, first.data!.refreshJwt);
    const mfa = await h.sdk.otp.verify.email(loginId, (await lastCode(loginId)).code!);
    const claims = decodeJwt(mfa.data!.sessionJwt).payload;
    expect([claims.amr, claims.su]).toEqual([['email'], undefined]);
  });
});
