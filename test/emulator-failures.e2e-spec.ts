import {
  EmulatorHarness,
  STRONG_PASSWORD,
  startHarness,
  uniqueEmail,
} from './support/emulator-harness';

/** Failures answer the way Descope does: its codes, its JSON shape, an HTTP status. */
describe('Emulator: failure answers', () => {
  let h: EmulatorHarness;

  beforeAll(async () => {
    h = await startHarness({ lockoutAttempts: 3 });
  });
  afterAll(() => h.close());

  it('tells a wrong password from an unknown user only by code', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const wrong = await h.sdk.password.signIn(loginId, 'Wrong-Password1');
    expect([wrong.code, wrong.error?.errorCode]).toEqual([401, 'E062903']);
    const unknown = await h.sdk.password.signIn(uniqueEmail('ghost'), STRONG_PASSWORD);
    expect([unknown.code, unknown.error?.errorCode]).toEqual([400, 'E062108']);
    expect(unknown.error).toMatchObject({
      errorDescription: expect.any(String),
      errorMessage: expect.any(String),
    });
  });

  it('refuses a duplicate sign-up', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const again = await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    expect(again.error?.errorCode).toBe('E062107');
  });

  it('enforces the password policy on sign-up, update and replace', async () => {
    const loginId = uniqueEmail();
    const weak = await h.sdk.password.signUp(loginId, 'short');
    expect([weak.code, weak.error?.errorCode]).toEqual([400, 'E062904']);
    expect(weak.error?.errorMessage).toContain('at least 8 characters');
    const { data } = await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    expect(
      (await h.sdk.password.update(loginId, 'alllowercase1', data!.refreshJwt)).error?.errorCode,
    ).toBe('E062904');
    expect(
      (await h.sdk.password.replace(loginId, STRONG_PASSWORD, 'NoDigitsHere')).error?.errorCode,
    ).toBe('E062904');
  });

  it('refuses an expired refresh token and a forged one', async () => {
    const { keys, options } = h.emulator.context;
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = keys.sign({
      sub: 'U1',
      iss: options.projectId,
      iat: past - 60,
      exp: past,
      drn: 'DSR',
      jti: 'x',
    });
    const answer = await h.sdk.refresh(expired);
    expect([answer.code, answer.error?.errorCode]).toEqual([401, 'E990002']);
    expect(answer.error?.errorMessage).toContain('expired');

    const { data } = await h.sdk.password.signUp(uniqueEmail(), STRONG_PASSWORD);
    const [head, body] = data!.refreshJwt!.split('.');
    const forged = `${head}.${body}.${Buffer.from('not a signature').toString('base64url')}`;
    expect((await h.sdk.refresh(forged)).error?.errorCode).toBe('E990002');
    expect((await h.sdk.refresh(data!.sessionJwt)).error?.errorCode).toBe('E990002');
  });

  it.each([
    ['malformed JSON', '{"loginId": ', 'not valid JSON'],
    ['a JSON array', '[]', 'must be a JSON object'],
    ['a missing field', { loginId: 'a@example.com' }, '"password" is required'],
    ['a wrong type', { loginId: 42, password: 'x' }, '"loginId" is required'],
    [
      'a wrong nested type',
      { loginId: 'a@example.com', password: 'Abcdefg1', user: 'x' },
      '"user" must be an object',
    ],
  ])('answers %s with 400 E011003', async (_name, body, message) => {
    const response = await h.raw('POST', '/v1/auth/password/signup', body, {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as Record<string, string>;
    expect(answer).toMatchObject({ errorCode: 'E011003', errorDescription: 'Request is invalid' });
    expect(answer.errorMessage).toContain(message);
  });

  it('answers a body over the limit with 413 and unknown routes with a JSON 404', async () => {
    const big = JSON.stringify({ loginId: 'x'.repeat(1024 * 1024 + 10) });
    const tooBig = await h.raw('POST', '/v1/auth/password/signin', big);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ errorCode: 'E011001' });
    const missing = await h.raw('GET', '/v1/auth/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errorCode: 'E011001' });
  });

  it('refuses auth calls for another project id', async () => {
    const response = await h.raw('GET', '/v1/auth/password/policy', undefined, {
      authorization: 'Bearer P2other',
    });
    expect(response.status).toBe(401);
  });

  it('locks an account after repeated failed sign-ins, answering the lock-out stand-in', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const wrong = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      wrong.push(await h.sdk.password.signIn(loginId, 'Wrong-Password1'));
    }
    const locked = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);
    expect([locked.code, locked.error?.errorCode]).toEqual([401, 'E990003']);
    expect(wrong[0].error?.errorCode).toBe('E062903');

    const other = uniqueEmail();
    await h.sdk.password.signUp(other, STRONG_PASSWORD);
    expect((await h.sdk.password.signIn(other, STRONG_PASSWORD)).ok).toBe(true);
  });
});

describe('Emulator: the per-client-IP rate limit, when on', () => {
  it('answers 429 E130429 with Retry-After once an IP made too many requests', async () => {
    const limited = await startHarness({ ipRateLimit: 3 });
    try {
      // Every call from this IP counts, the SDK's own license call at construction included.
      const answers = [];
      for (let i = 0; i < 5; i += 1) answers.push(await limited.sdk.password.policy());
      expect(answers[0].ok).toBe(true);
      const answer = answers[answers.length - 1];
      expect([answer.code, answer.error?.errorCode]).toEqual([429, 'E130429']);
      expect(answer.error?.retryAfter).toBeGreaterThan(0);
      expect(Number(answer.error?.retryAfter)).toBeLessThanOrEqual(60);
      const keys = await limited.raw('GET', `/v2/keys/${limited.emulator.projectId}`);
      expect(keys.status).toBe(200); // the key set is never limited
    } finally {
      await limited.close();
    }
  });
});
