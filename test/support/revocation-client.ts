/** Helpers of the revocation attack suites (test/security/revocation-*.e2e-spec.ts). */
import { SESSION_ENDED } from '@app/auth';
import { AppHarness, ApiResponse } from './app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './emulator-harness';

export type Tokens = { sessionJwt: string; refreshJwt: string; loginId: string };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

/** Helpers bound to one running app. */
export function client(get: () => AppHarness) {
  const signUp = async (prefix = 'revatk'): Promise<Tokens> => {
    const loginId = uniqueEmail(prefix);
    const up = await get().api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    expect(up.status).toBe(201);
    return { loginId, ...(up.body as { sessionJwt: string; refreshJwt: string }) };
  };
  const signIn = async (loginId: string, loginOptions?: object): Promise<Tokens> => {
    const r = await get().api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD, loginOptions },
    });
    expect(r.status).toBe(200);
    return { loginId, ...(r.body as { sessionJwt: string; refreshJwt: string }) };
  };
  const session = (jwt: string) => get().api('GET', '/v1/session', { bearer: jwt });
  const validate = (jwt: string) =>
    get().api('POST', '/v1/session/validate', { body: { sessionJwt: jwt } });
  const refresh = (jwt: string) =>
    get().api('POST', '/v1/session/refresh', { cookies: { DSR: jwt } });
  /** Distinct statuses of a session on GET /v1/session and validate, twice each (memo hits). */
  const statuses = async (jwt: string) => {
    const seen: number[] = [];
    for (let i = 0; i < 2; i++) {
      seen.push((await session(jwt)).status, (await validate(jwt)).status);
    }
    return [...new Set(seen)];
  };
  return { signUp, signIn, session, validate, refresh, statuses };
}

/** A 401 token_invalid "session ended" answer that does not echo the token. */
export function expectEnded(answer: ApiResponse, jwt: string) {
  expect([answer.status, answer.body.code, answer.body.detail]).toEqual([
    401,
    'token_invalid',
    SESSION_ENDED,
  ]);
  const text = JSON.stringify(answer.body);
  expect(text).not.toContain(jwt);
  expect(text).not.toContain(jwt.split('.')[2]);
}
