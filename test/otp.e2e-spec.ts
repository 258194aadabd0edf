import { AppHarness, startApp } from './support/app-harness';
import { decodeJwt, STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

const uniquePhone = () => `+1555${Math.floor(1e6 + Math.random() * 8.9e6)}`;
const CHANNELS = ['email', 'sms', 'voice', 'whatsapp'] as const;
const loginIdFor = (channel: (typeof CHANNELS)[number]) =>
  channel === 'email' ? uniqueEmail('otp') : uniquePhone();

describe('Service: OTP', () => {
  let h: AppHarness;
  const code = async (loginId: string) => (await h.outbox(loginId))[0].code!;
  const wrongCode = (right: string) => (right === '000000' ? '111111' : '000000');

  beforeAll(async () => {
    h = await startApp({ DESCOPE_MANAGEMENT_KEY: 'k' }, { maxWrongCodes: 3 });
  });
  afterAll(() => h.close());

  describe.each(CHANNELS)('over %s', (channel) => {
    it('signs up, verifies and holds a valid session; signs in and up-or-in likewise', async () => {
      const loginId = loginIdFor(channel);
      const sent = await h.api('POST', `/v1/otp/signup/${channel}`, { body: { loginId } });
      expect(sent.status).toBe(202);
      expect(sent.body.maskedAddress).toContain(
        channel === 'email' ? '***@example.com' : loginId.slice(-4),
      );
      const verified = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: await code(loginId) },
      });
      expect(verified.status).toBe(200);
      expect(verified.body.firstSeen).toBe(true);
      const session = await h.api('GET', '/v1/session', { bearer: verified.body.sessionJwt });
      // A voice-call code reads `sms`: Descope documents no amr for voice (docs/descope-wire.md).
      const amr = channel === 'voice' ? 'sms' : channel;
      expect([session.status, session.body.amr]).toEqual([200, [amr]]);

      expect((await h.api('POST', `/v1/otp/signin/${channel}`, { body: { loginId } })).status).toBe(
        202,
      );
      const signedIn = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: await code(loginId) },
      });
      expect([signedIn.status, signedIn.body.user.userId]).toEqual([
        200,
        verified.body.user.userId,
      ]);

      expect(
        (await h.api('POST', `/v1/otp/signup-in/${channel}`, { body: { loginId } })).status,
      ).toBe(202);
      const upOrIn = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: await code(loginId) },
      });
      expect(upOrIn.body.user.userId).toBe(verified.body.user.userId);
      const fresh = loginIdFor(channel);
      expect(
        (await h.api('POST', `/v1/otp/signup-in/${channel}`, { body: { loginId: fresh } })).status,
      ).toBe(202);
      expect(
        (
          await h.api('POST', `/v1/otp/verify/${channel}`, {
            body: { loginId: fresh, code: await code(fresh) },
          })
        ).body.firstSeen,
      ).toBe(true);
    });

    it('refuses a wrong code, a used code, an expired code, and locks after too many', async () => {
      const loginId = loginIdFor(channel);
      await h.api('POST', `/v1/otp/signup/${channel}`, { body: { loginId } });
      const right = await code(loginId);
      const wrong = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: wrongCode(right) },
      });
      expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_code']);
      expect(
        (await h.api('POST', `/v1/otp/verify/${channel}`, { body: { loginId, code: right } }))
          .status,
      ).toBe(200);
      const reused = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: right },
      });
      expect([reused.status, reused.body.code]).toEqual([401, 'invalid_code']);

      await h.api('POST', `/v1/otp/signin/${channel}`, { body: { loginId } });
      const pending = h.emulator.context.otpCodes.peek(loginId, channel, 'signin')!;
      pending.expiresAt = Date.now() - 1;
      const expired = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: pending.code },
      });
      expect([expired.status, expired.body.code]).toEqual([401, 'invalid_code']);

      await h.api('POST', `/v1/otp/signin/${channel}`, { body: { loginId } });
      const live = await code(loginId);
      for (let attempt = 1; attempt < 3; attempt += 1) {
        expect(
          (
            await h.api('POST', `/v1/otp/verify/${channel}`, {
              body: { loginId, code: wrongCode(live) },
            })
          ).status,
        ).toBe(401);
      }
      const locked = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: wrongCode(live) },
      });
      // Descope's lock-out reads exactly as a wrong code: the route does not reveal accounts.
      expect([locked.status, locked.body.code]).toEqual([401, 'invalid_code']);
      expect(locked.body.detail).toBe(wrong.body.detail);
      const tooLate = await h.api('POST', `/v1/otp/verify/${channel}`, {
        body: { loginId, code: live },
      });
      expect([tooLate.status, tooLate.body.code]).toEqual([401, 'invalid_code']);
    });
  });

  it('answers sign-in of an unknown user and sign-up of an existing one like any other', async () => {
    const known = uniqueEmail('known');
    await h.api('POST', '/v1/otp/signup/email', { body: { loginId: known } });
    await h.api('POST', '/v1/otp/verify/email', {
      body: { loginId: known, code: await code(known) },
    });
    const ghost = uniqueEmail('ghost');
    const [a, b] = await Promise.all([
      h.api('POST', '/v1/otp/signin/email', { body: { loginId: known } }),
      h.api('POST', '/v1/otp/signin/email', { body: { loginId: ghost } }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(Object.keys(a.body)).toEqual(Object.keys(b.body));
    expect(b.body.maskedAddress).toBe(`${ghost[0]}***@example.com`);
    const phone = uniquePhone();
    expect(
      (await h.api('POST', '/v1/otp/signin/sms', { body: { loginId: phone } })).body.maskedAddress,
    ).toBe(`+*******${phone.slice(-4)}`);
    const username = `user${Date.now()}`;
    await h.management.management.user.create(username, { email: `${username}@corp.example` });
    const [knownName, unknownName, noPhone] = await Promise.all([
      h.api('POST', '/v1/otp/signin/email', { body: { loginId: username } }),
      h.api('POST', '/v1/otp/signin/email', { body: { loginId: `${username}x` } }),
      h.api('POST', '/v1/otp/signin/sms', { body: { loginId: username } }),
    ]);
    expect([knownName.status, unknownName.status, noPhone.status]).toEqual([202, 202, 202]);
    // A username is not an address: no mask, known or not (a real one would show corp.example).
    expect([knownName.body, unknownName.body, noPhone.body]).toEqual([{}, {}, {}]);
    const again = await h.api('POST', '/v1/otp/signup/email', { body: { loginId: known } });
    expect([again.status, again.body.maskedAddress]).toEqual([202, `${known[0]}***@example.com`]);
  });

  it('updates the email and the phone with a refresh token and verifies them', async () => {
    const loginId = uniqueEmail('owner');
    const other = uniqueEmail('other');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    await h.api('POST', '/v1/password/signup', {
      body: { loginId: other, password: STRONG_PASSWORD },
    });
    const newEmail = uniqueEmail('moved');

    const anonymous = await h.api('POST', '/v1/otp/update/email', {
      body: { loginId, email: newEmail },
    });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'token_missing']);
    const foreign = await h.api('POST', '/v1/otp/update/email', {
      bearer: body.refreshJwt,
      body: { loginId: other, email: newEmail },
    });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'forbidden']);

    const sent = await h.api('POST', '/v1/otp/update/email', {
      bearer: body.refreshJwt,
      body: { loginId, email: newEmail, addToLoginIDs: true },
    });
    expect([sent.status, sent.body.maskedAddress]).toEqual([202, `${newEmail[0]}***@example.com`]);
    const [message] = await h.outbox(loginId);
    expect(message).toMatchObject({ kind: 'update-email', to: newEmail });
    expect(
      (await h.api('POST', '/v1/otp/verify/email', { body: { loginId, code: message.code } }))
        .status,
    ).toBe(200);
    const me = await h.api('GET', '/v1/session/me', { bearer: body.refreshJwt });
    expect(me.body).toMatchObject({
      email: newEmail,
      verifiedEmail: true,
      loginIds: [loginId, newEmail],
    });

    const phone = uniquePhone();
    const phoneSent = await h.api('POST', '/v1/otp/update/phone/whatsapp', {
      cookies: { DSR: body.refreshJwt },
      body: { loginId, phone },
    });
    expect(phoneSent.status).toBe(202);
    expect(
      (
        await h.api('POST', '/v1/otp/verify/whatsapp', {
          body: { loginId, code: await code(loginId) },
        })
      ).status,
    ).toBe(200);
    expect((await h.api('GET', '/v1/session/me', { bearer: body.refreshJwt })).body).toMatchObject({
      phone,
      verifiedPhone: true,
    });
    const phoneForeign = await h.api('POST', '/v1/otp/update/phone/sms', {
      bearer: body.refreshJwt,
      body: { loginId: other, phone },
    });
    expect(phoneForeign.status).toBe(403);
  });

  it('steps up: a password session plus an email code gives amr pwd, email, mfa and su', async () => {
    const loginId = uniqueEmail('stepup');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    const noToken = await h.api('POST', '/v1/otp/signin/email', {
      body: { loginId, loginOptions: { stepup: true } },
    });
    expect([noToken.status, noToken.body.code]).toEqual([401, 'token_missing']);
    expect(noToken.body.detail).toContain('refresh token');
    const sent = await h.api('POST', '/v1/otp/signin/email', {
      bearer: body.refreshJwt,
      body: { loginId, loginOptions: { stepup: true } },
    });
    expect(sent.status).toBe(202);
    const verified = await h.api('POST', '/v1/otp/verify/email', {
      body: { loginId, code: await code(loginId) },
    });
    const claims = decodeJwt(verified.body.sessionJwt).payload;
    expect([claims.amr, claims.sub]).toEqual([['pwd', 'email', 'mfa'], body.user.userId]);
    const session = await h.api('POST', '/v1/session/validate', {
      body: { sessionJwt: verified.body.sessionJwt },
    });
    expect([session.body.amr, session.body.steppedUp]).toEqual([['pwd', 'email', 'mfa'], true]);
  });

  it.each([
    ['/v1/otp/signup/email', { loginId: '+14155550100' }, 'loginId'],
    ['/v1/otp/signup/sms', { loginId: 'ada@example.com' }, 'loginId'],
    ['/v1/otp/signup/sms', { loginId: 'ada', user: { phone: '555-0100' } }, 'user.phone'],
    ['/v1/otp/signup/email', { loginId: 'ada', user: { email: 'not-an-email' } }, 'user.email'],
    ['/v1/otp/signup-in/voice', { loginId: 'ada' }, 'loginId'],
    ['/v1/otp/signup/pigeon', { loginId: 'ada@example.com' }, 'method'],
    ['/v1/otp/signin/email', {}, 'loginId'],
    ['/v1/otp/verify/email', { loginId: 'ada@example.com', code: '12ab56' }, 'code'],
    ['/v1/otp/verify/sms', { loginId: '+14155550100', code: '1234567' }, 'code'],
    ['/v1/otp/verify/email', { loginId: 'ada@example.com' }, 'code'],
    [
      '/v1/otp/signin/email',
      { loginId: 'a@example.com', loginOptions: { stepup: 'yes' } },
      'loginOptions.stepup',
    ],
  ])('%s with %j → 400 naming %s', async (path, body, field) => {
    const response = await h.api('POST', path, { body });
    expect([response.status, response.body.code]).toEqual([400, 'invalid_request']);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    if (field === 'method')
      expect(response.body.errors[0].message).toBe(
        'method must be one of: email, sms, voice, whatsapp',
      );
  });

  it('validates update bodies and the phone method', async () => {
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail(), password: STRONG_PASSWORD },
    });
    const cases: [string, object, string][] = [
      ['/v1/otp/update/email', { loginId: 'a@example.com', email: 'nope' }, 'email'],
      ['/v1/otp/update/email', { email: 'a@example.com' }, 'loginId'],
      ['/v1/otp/update/phone/sms', { loginId: 'a@example.com', phone: '0044 20 7946' }, 'phone'],
      ['/v1/otp/update/phone/email', { loginId: 'a@example.com', phone: '+14155550100' }, 'method'],
      [
        '/v1/otp/update/phone/sms',
        { loginId: 'a@example.com', phone: '+14155550100', addToLoginIDs: 'yes' },
        'addToLoginIDs',
      ],
    ];
    for (const [path, payload, field] of cases) {
      const response = await h.api('POST', path, { bearer: body.refreshJwt, body: payload });
      expect([
        path,
        response.status,
        response.body.errors?.map((e: { field: string }) => e.field),
      ]).toEqual([path, 400, expect.arrayContaining([field])]);
    }
  });
});
