import { createAuthClient } from './auth-client';

/** Which token each route sends, checked on the requests a fake fetch receives. */
describe('createAuthClient: the tokens each route sends and keeps', () => {
  const tokens = { sessionJwt: 'S', refreshJwt: 'R', deviceToken: 'D' };
  let sent: Request[];
  const client = () =>
    createAuthClient({
      baseUrl: 'http://auth.test',
      timeoutMs: 1000,
      tokens,
      fetch: (request) => {
        sent.push(request);
        return Promise.resolve(Response.json({}, { status: 200 }));
      },
    });
  const last = () => {
    const request = sent[sent.length - 1];
    return [request.headers.get('authorization'), request.headers.get('x-device-token')];
  };

  beforeEach(() => {
    sent = [];
  });

  it('sends the session token to current, the refresh token to me and refresh', async () => {
    await client().session.current();
    expect(last()).toEqual(['Bearer S', null]);
    await client().session.me();
    expect(last()).toEqual(['Bearer R', null]);
    await client().refresh();
    expect(last()).toEqual(['Bearer R', null]);
  });

  it('sends the refresh token to OTP sign-in and TOTP verify for a step-up or MFA only', async () => {
    await client().otp.signIn('email', { loginId: 'a@example.com' });
    expect(last()).toEqual([null, 'D']);
    await client().otp.signIn('email', { loginId: 'a@example.com', loginOptions: { mfa: true } });
    expect(last()).toEqual(['Bearer R', 'D']);
    await client().totp.verify({ loginId: 'a', code: '1', loginOptions: { stepup: true } });
    expect(last()).toEqual(['Bearer R', 'D']);
  });

  it('sends no token to public routes that spend no budget', async () => {
    await client().session.validate({ sessionJwt: 'other' });
    await client().password.policy();
    await client().totp.signUp({ loginId: 'a@example.com' });
    expect(sent.map((request) => [request.headers.get('authorization')])).toEqual([
      [null],
      [null],
      [null],
    ]);
  });

  it('keeps an AuthResponse’s tokens, and the refresh token it lacks', async () => {
    const auth = createAuthClient({
      baseUrl: 'http://auth.test',
      timeoutMs: 1000,
      tokens,
      fetch: () => Promise.resolve(Response.json({ sessionJwt: 'S2', sessionExpiresAt: 1 })),
    });
    await auth.refresh();
    expect(auth.getTokens()).toEqual({ ...tokens, sessionJwt: 'S2' });
  });
});
