import * as problemOfModule from '../src/problems/problem-of';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD } from './support/emulator-harness';

/**
 * A failed request's error is mapped once: the guessing budget (refund or not), the problem
 * filter, the account-hiding effect and the audit event all read the one classification.
 */
describe('Service: one classification per failed request', () => {
  let h: AppHarness;
  const loginId = 'classified@example.com';

  beforeAll(async () => {
    // The guessing budget on, in memory, so the attempt runs through it.
    h = await startApp({ AUTH_FAILURES_PER_ACCOUNT: '100/1h', AUTH_FAILURE_MIN_MS: '1' });
    const signUp = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    expect(signUp.status).toBe(201);
  });
  afterAll(() => h.close());
  afterEach(() => jest.restoreAllMocks());

  it('maps a wrong password once, on a route that spends the budget and hides accounts', async () => {
    const mapped = jest.spyOn(problemOfModule, 'problemOf');
    const wrong = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: `${STRONG_PASSWORD}x` },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(mapped).toHaveBeenCalledTimes(1);
  });

  it('maps an unknown account and a wrong OTP code once each', async () => {
    const mapped = jest.spyOn(problemOfModule, 'problemOf');
    const unknown = await h.api('POST', '/v1/password/signin', {
      body: { loginId: 'nobody@example.com', password: STRONG_PASSWORD },
    });
    expect(unknown.status).toBe(401);
    expect(mapped).toHaveBeenCalledTimes(1);
    const code = await h.api('POST', '/v1/otp/verify/email', { body: { loginId, code: '000000' } });
    expect(code.status).toBe(401);
    expect(mapped).toHaveBeenCalledTimes(2);
  });
});
