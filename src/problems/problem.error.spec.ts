import { AuthTokenError } from '@app/auth';
import { ProblemError } from './problem.error';

describe('errors that are answers capture no stack', () => {
  const frames = (error: Error) => (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));

  it('a 4xx ProblemError and an AuthTokenError have no frames; a 5xx keeps them', () => {
    const limit = Error.stackTraceLimit;
    expect(frames(new ProblemError('token_invalid', 'The token is not valid'))).toEqual([]);
    expect(frames(new AuthTokenError('invalid', 'The token is not valid'))).toEqual([]);
    expect(
      frames(new ProblemError('upstream_unavailable', 'Descope failed')).length,
    ).toBeGreaterThan(0);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(frames(new Error('a bug')).length).toBeGreaterThan(0);
  });

  it('keeps what callers read: status, code, detail, extras, reason', () => {
    const problem = new ProblemError('rate_limited', 'Too many', { retryAfter: 3 });
    expect(problem).toMatchObject({ status: 429, code: 'rate_limited', detail: 'Too many' });
    expect(problem.extras).toEqual({ retryAfter: 3 });
    expect(problem.message).toBe('Too many');
    const refused = new AuthTokenError('expired', 'The token has expired');
    expect(refused).toMatchObject({ reason: 'expired', detail: 'The token has expired' });
    expect(refused.getStatus()).toBe(401);
  });
});
