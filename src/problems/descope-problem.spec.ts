import { DescopeApiError, DescopeTimeoutError, DescopeUnavailableError } from '@app/descope';
import { failsSecret, problemFromDescope } from './descope-problem';

describe('problemFromDescope', () => {
  const api = (code: string, status: number, retryAfter?: number) =>
    problemFromDescope(new DescopeApiError(code, 'upstream text', status, retryAfter));

  it("maps known codes, hiding Descope's code where it would reveal an account", () => {
    expect(api('E062108', 400)).toMatchObject({
      code: 'invalid_credentials',
      status: 401,
      extras: {},
    });
    expect(api('E062903', 401)).toMatchObject({ code: 'invalid_credentials', extras: {} });
    expect(api('E062107', 400)).toMatchObject({
      code: 'user_exists',
      status: 409,
      extras: { descopeCode: 'E062107' },
    });
    expect(api('E061103', 429)).toMatchObject({ code: 'too_many_attempts', status: 429 });
    expect(api('E130429', 429, 12)).toMatchObject({
      code: 'rate_limited',
      extras: { retryAfter: 12 },
    });
  });

  it('falls back on the status for codes it does not know, never to a 502', () => {
    expect(api('E099999', 400)).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(api('E099999', 401)).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(api('E099999', 404)).toMatchObject({ code: 'invalid_request' });
    expect(api('E099999', 429)).toMatchObject({ code: 'rate_limited' });
  });

  it('reads any 401 on a refresh-token call as a refused token, whatever its code', () => {
    const onToken = (code: string, status: number) =>
      new DescopeApiError(code, 'upstream text', status, undefined, 'refresh-token');
    for (const code of ['E099999', 'E062108', 'E061102']) {
      const error = onToken(code, 401);
      expect(problemFromDescope(error)).toMatchObject({ code: 'token_invalid', status: 401 });
      expect(failsSecret(error)).toBe(false);
    }
    // A 403 refuses the act, not the token (a tenant the user is not in): not token_invalid.
    expect(problemFromDescope(onToken('E099999', 403)).code).not.toBe('token_invalid');
    expect(problemFromDescope(onToken('E064001', 401)).detail).toBe(
      'The refresh token was revoked',
    );
    // Not a refusal of the token: a 400 keeps its own meaning, and so does a call without one.
    expect(problemFromDescope(onToken('E099999', 400))).toMatchObject({ code: 'invalid_request' });
    expect(api('E099999', 401)).toMatchObject({ code: 'invalid_credentials' });
  });

  it('never passes upstream text on', () => {
    expect(api('E099999', 400).detail).not.toContain('upstream text');
  });

  it("maps outages, timeouts and the SDK's token errors", () => {
    expect(problemFromDescope(new DescopeUnavailableError('x'))).toMatchObject({
      status: 502,
      code: 'upstream_unavailable',
    });
    expect(problemFromDescope(new DescopeTimeoutError(5000))).toMatchObject({
      status: 504,
      code: 'upstream_timeout',
    });
  });
});
