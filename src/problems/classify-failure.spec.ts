import { AuthTokenError } from '@app/auth';
import {
  DescopeApiError,
  DescopeErrorCodes as E,
  DescopeTimeoutError,
  DescopeUnexpectedError,
} from '@app/descope';
import { classifyFailure } from './classify-failure';
import * as problemOfModule from './problem-of';
import { ProblemError } from './problem.error';

const api = (code: string, status = 400) => new DescopeApiError(code, 'upstream text', status);

describe('classifyFailure', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [E.wrongPassword, 'invalid_credentials'],
    [E.passwordSignInFailed, 'invalid_credentials'],
    [E.userNotFound, 'invalid_credentials'],
    [E.wrongCode, 'invalid_code'],
    [E.tooManyAttempts, 'too_many_attempts'],
  ])('counts Descope %s as a failed secret (%s)', (code, problem) => {
    const failure = classifyFailure(api(code));
    expect(failure).toMatchObject({ failedSecret: true, unexpected: false });
    expect(failure.problem.code).toBe(problem);
  });

  it('does not count an expired password, which Descope answers only to the right one', () => {
    const failure = classifyFailure(api(E.passwordExpired, 401));
    expect([failure.problem.code, failure.failedSecret]).toEqual(['password_expired', false]);
  });

  it('counts every Descope code that answers as a wrong secret as a failed secret', () => {
    for (const code of Object.values(E)) {
      const failure = classifyFailure(api(code));
      const wrong = ['invalid_credentials', 'invalid_code'].includes(failure.problem.code);
      if (wrong) expect([code, failure.failedSecret]).toEqual([code, true]);
    }
  });

  it('counts an unknown 401 or 403 from Descope as refused credentials, a 429 or 400 not', () => {
    expect(classifyFailure(api('E099999', 401)).failedSecret).toBe(true);
    expect(classifyFailure(api('E099999', 403)).failedSecret).toBe(true);
    expect(classifyFailure(api('E099999', 429)).failedSecret).toBe(false);
    expect(classifyFailure(api('E099999', 400)).failedSecret).toBe(false);
  });

  it('never counts an outage, a timeout, a rate limit or a taken login id', () => {
    for (const error of [
      new DescopeTimeoutError(5000),
      api(E.rateLimited, 429),
      api(E.userExists),
      api(E.loginIdConflict),
      new AuthTokenError('invalid', 'The token is not valid'),
    ]) {
      expect(classifyFailure(error).failedSecret).toBe(false);
    }
  });

  it("counts the service's own wrong-secret answers, not its other problems", () => {
    expect(classifyFailure(new ProblemError('invalid_code', 'bad link')).failedSecret).toBe(true);
    expect(classifyFailure(new ProblemError('invalid_credentials', 'no')).failedSecret).toBe(true);
    expect(classifyFailure(new ProblemError('forbidden', 'not yours')).failedSecret).toBe(false);
  });

  it('answers a bug with internal_error and keeps the SDK original as its root', () => {
    const original = new TypeError('x is undefined');
    const failure = classifyFailure(new DescopeUnexpectedError(original));
    expect(failure).toMatchObject({ unexpected: true, failedSecret: false, root: original });
    expect(failure.problem.code).toBe('internal_error');
    expect(classifyFailure('a thrown string')).toMatchObject({ unexpected: true });
  });

  it('maps an error once, however many readers ask', () => {
    const mapped = jest.spyOn(problemOfModule, 'problemOf');
    const error = api(E.wrongPassword);
    const first = classifyFailure(error);
    expect(classifyFailure(error)).toBe(first);
    expect(classifyFailure(error)).toBe(first);
    expect(mapped).toHaveBeenCalledTimes(1);
  });
});
