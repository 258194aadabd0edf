import { STRONG_PASSWORD } from './emulator-harness';
import { AppHarness } from './app-harness';
import { LogCapture } from './log-capture';

/** The wrong password (or new password) every attempt sends. */
export const WRONG = 'Wrong-Pass-1';
/** The only fields an audit line may have (as test/logging.e2e-spec.ts lists them). */
const AUDIT_FIELDS = new Set([
  ...'level time pid hostname context requestId event'.split(' '),
  ...'action method result status userId loginIdHash ip'.split(' '),
]);

export const pw = (loginId: string, password = WRONG) => ({ loginId, password });
const replacing = (loginId: string) => ({ loginId, oldPassword: WRONG, newPassword: WRONG });
const guessing = (loginId: string) => ({ loginId, code: '123456' });
const resetting = () => ({ token: 't', newPassword: STRONG_PASSWORD });

/** Each route that checks a secret: a wrong guess for a login id, and its one failure code. */
export const SECRET_ROUTES: [string, (loginId: string) => object, string][] = [
  ['/v1/password/signin', pw, 'invalid_credentials'],
  ['/v1/password/replace', replacing, 'invalid_credentials'],
  ['/v1/otp/verify/email', guessing, 'invalid_code'],
  ['/v1/totp/verify', guessing, 'invalid_code'],
  ['/v1/password/reset/complete', resetting, 'invalid_code'],
];

/** The routes that send a code or a link. */
export const SENDS = [
  ...['signup', 'signin', 'signup-in'].map((s) => `/v1/otp/${s}/email`),
  '/v1/password/reset',
];

/**
 * Attempts as a hostile client compares them: status, headers (but the date and request id) and
 * body (but the request id), how long each took, and the cause its one audit line gives.
 */
export function secretAttempts(app: () => AppHarness, logs: LogCapture, floorMs: number) {
  /** The service's id of a request: a caller's own `x-request-id` is only logged beside it. */
  const serviceId = (id: string) =>
    (logs.records().find((l) => l.clientRequestId === id)?.requestId as string | undefined) ?? id;
  const audits = (id: string) =>
    logs.records().filter((l) => l.event === 'auth' && l.requestId === serviceId(id));

  async function attempt(path: string, body: unknown, headers: Record<string, string> = {}) {
    const started = performance.now();
    const answer = await app().api('POST', path, { body, headers });
    const ms = performance.now() - started;
    const shown = [...answer.headers].filter(([name]) => !['date', 'x-request-id'].includes(name));
    const text = JSON.stringify({ ...answer.body, requestId: 'ID' });
    const [audit, ...more] = audits(answer.body.requestId ?? answer.headers.get('x-request-id'));
    const extra = Object.keys(audit ?? {}).filter((field) => !AUDIT_FIELDS.has(field));
    expect([path, more.length, extra]).toEqual([path, 0, []]);
    return { path, answer, ms, view: { status: answer.status, shown, text }, cause: audit?.result };
  }
  type Attempt = Awaited<ReturnType<typeof attempt>>;

  /** One status, body and set of headers for them all, without Retry-After, after the floor. */
  function expectOneAnswer(attempts: Attempt[], code: string) {
    for (const { path, view, answer, ms } of attempts) {
      const seen = [view, answer.body.code, answer.headers.has('retry-after'), ms >= floorMs - 5];
      expect([path, ...seen]).toEqual([path, attempts[0].view, code, false, true]);
    }
  }

  /** None of `secrets` in any audit line. */
  function expectNoSecrets(secrets: string[]) {
    const text = logs.lines.filter((line) => line.includes('"event":"auth"')).join('');
    for (const secret of secrets) expect([secret, text.includes(secret)]).toEqual([secret, false]);
  }

  return { attempt, audits, expectOneAnswer, expectNoSecrets };
}

export type Attempt = Awaited<ReturnType<ReturnType<typeof secretAttempts>['attempt']>>;

/** Runs the steps one after another. */
export async function inOrder<T>(steps: (() => Promise<T>)[]): Promise<T[]> {
  const done: T[] = [];
  for (const step of steps) done.push(await step());
  return done;
}
