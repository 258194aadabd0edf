import { generateSync } from 'otplib';
import { AppHarness, startApp } from './support/app-harness';
import { uniqueEmail } from './support/emulator-harness';
import { LogCapture } from './support/log-capture';
import { verifyEmail } from './support/verify-email';

const MANAGEMENT_KEY = 'mgmt-canary-key-0123456789';

/**
 * The logs as an operator reads them: JSON lines through nestjs-pino, one per request, audit
 * events for authentication outcomes, and not one secret of a whole flow, at the most verbose
 * level.
 */
describe('Logs: JSON lines, request ids, audit events, no secrets', () => {
  let h: AppHarness;
  const logs = new LogCapture();
  const byRequest = (id: string) => logs.records().filter((line) => line.requestId === id);
  const audits = () => logs.records().filter((line) => line.event === 'auth');

  beforeAll(async () => {
    h = await startApp(
      {
        LOG_LEVEL: 'trace',
        DESCOPE_MANAGEMENT_KEY: MANAGEMENT_KEY,
        DEVICE_TOKEN_SECRET: 'device-secret-canary-0123456789abcdef',
        TOKEN_DELIVERY: 'both',
        // A failure floor, so a client can hang up before a failed sign-in is answered.
        AUTH_FAILURE_MIN_MS: '300',
      },
      { maxWrongCodes: 2 },
      logs,
    );
  });
  afterAll(() => h.close());

  it('writes none of the secrets of a whole flow to the logs', async () => {
    const loginId = uniqueEmail('logs');
    const secrets: string[] = [MANAGEMENT_KEY, 'Canary-Pass-41', 'Wrong-Canary-42'];
    const body = (r: { body: Record<string, any> }) => r.body;
    const up = body(
      await h.api('POST', '/v1/password/signup', {
        body: { loginId, password: 'Canary-Pass-41' },
      }),
    );
    await h.api('POST', '/v1/password/signin', { body: { loginId, password: 'Wrong-Canary-42' } });
    const signIn = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: 'Canary-Pass-41' },
    });
    secrets.push(up.sessionJwt, up.refreshJwt, signIn.body.deviceToken, signIn.body.refreshJwt);
    await h.api('GET', '/v1/session', { cookies: { DS: signIn.body.sessionJwt } });
    await h.api('POST', '/v1/session/validate', { body: { sessionJwt: signIn.body.sessionJwt } });
    await h.api('POST', '/v1/session/refresh', { cookies: { DSR: signIn.body.refreshJwt } });
    await verifyEmail(h, loginId, signIn.body.refreshJwt);
    const [otp] = await h.outbox(loginId);
    await h.api('POST', '/v1/password/reset', {
      body: { loginId },
      headers: { 'x-device-token': signIn.body.deviceToken },
    });
    const [reset] = await h.outbox(loginId);
    secrets.push(otp.code!, reset.token!);
    const afterReset = await h.api('POST', '/v1/password/reset/complete', {
      body: { token: reset.token, newPassword: 'Reset-Canary-43' },
    });
    secrets.push(afterReset.body.sessionJwt, afterReset.body.refreshJwt);
    // The reset ended every earlier session: the rest goes on with its own.
    const totp = await h.api('POST', '/v1/totp/update', {
      bearer: afterReset.body.refreshJwt,
      body: { loginId },
    });
    const code = generateSync({ secret: totp.body.key });
    await h.api('POST', '/v1/totp/verify', { body: { loginId, code } });
    secrets.push('Reset-Canary-43', totp.body.key, code);
    await h.api('POST', '/v1/session/logout', { cookies: { DSR: afterReset.body.refreshJwt } });

    const text = logs.text();
    expect(logs.records().length).toBeGreaterThan(20);
    for (const secret of secrets) expect([secret, text.includes(secret)]).toEqual([secret, false]);
    expect(text).not.toContain(loginId);
  });

  it('logs one line per request: id, method, route pattern, status, latency', async () => {
    const response = await h.api('GET', '/v1/password/policy', {
      headers: { 'x-request-id': 'gateway-trace.42' },
    });
    // Not through a trusted proxy: the caller's id is logged beside the service's own.
    const own = response.headers.get('x-request-id')!;
    expect(own).toMatch(/^[0-9a-f-]{36}$/);
    expect(byRequest(own)).toEqual([
      expect.objectContaining({
        clientRequestId: 'gateway-trace.42',
        level: 'info',
        method: 'GET',
        route: '/v1/password/policy',
        status: 200,
        ms: expect.any(Number),
      }),
    ]);
    const unsafe = await h.api('POST', '/v1/otp/verify/email', {
      headers: { 'x-request-id': 'has spaces {and} "quotes"' },
      body: { loginId: 'x@example.com', code: 'abc' },
    });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.body.requestId).toBe(unsafe.headers.get('x-request-id'));
    const line = byRequest(unsafe.body.requestId).find((record) => 'route' in record);
    expect(line).toMatchObject({ route: '/v1/otp/verify/:method', status: 400 });
  });

  it('audits authentication outcomes with a keyed hash of the login id, never the id', async () => {
    const loginId = uniqueEmail('audit');
    const up = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: 'Canary-Pass-41' },
    });
    const wrong = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: 'Wrong-Canary-42' },
    });
    const success = audits().find((line) => line.userId === up.body.user.userId);
    expect(success).toMatchObject({
      action: 'password.signup',
      method: 'password',
      result: 'success',
    });
    const failure = byRequest(wrong.body.requestId).find((line) => line.event === 'auth');
    expect(failure).toMatchObject({
      context: 'Audit',
      action: 'password.signin',
      result: 'invalid_credentials',
      status: 401,
      ip: '127.0.0.1',
      loginIdHash: success!.loginIdHash,
    });
    expect(failure!.loginIdHash).toMatch(/^[\w-]{43}$/);
    const raw = logs.lines.filter((line) => line.includes('"event":"auth"'));
    expect(raw.every((line) => line.split('"requestId"').length === 2)).toBe(true);
    // Audit lines skip redaction: only these fields, none of them a secret, may appear.
    const allowed = new Set(['level', 'time', 'pid', 'hostname', 'context', 'requestId', 'event']);
    for (const field of ['action', 'method', 'result', 'status', 'userId', 'loginIdHash', 'ip'])
      allowed.add(field);
    const fields = new Set(audits().flatMap((line) => Object.keys(line)));
    expect([...fields].filter((field) => !allowed.has(field))).toEqual([]);
  });

  it('audits a request refused before validation (a form body) with its request id', async () => {
    const form = await fetch(`${h.url}/v1/password/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'loginId=a%40example.com&password=x',
    });
    expect(form.status).toBe(415);
    const requestId = form.headers.get('x-request-id')!;
    expect(byRequest(requestId).find((line) => line.event === 'auth')).toMatchObject({
      action: 'password.signin',
      result: 'rejected',
      status: 415,
    });
  });

  it('audits an attempt whose client hung up before the answer, and logs it as 499', async () => {
    const loginId = uniqueEmail('abort');
    const requestId = `abort-${Date.now()}`;
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: 'Canary-Pass-41' } });
    const aborted = fetch(`${h.url}/v1/password/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ loginId, password: 'Wrong-Canary-42' }),
      signal: AbortSignal.timeout(100),
    });
    await expect(aborted).rejects.toThrow();
    // The caller's id is only logged (as clientRequestId): its request line leads to the others.
    const lines = () => {
      const line = logs.records().find((record) => record.clientRequestId === requestId);
      return line ? byRequest(line.requestId as string) : [];
    };
    for (let i = 0; i < 50 && lines().length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(lines().find((line) => line.event === 'auth')).toMatchObject({
      action: 'password.signin',
      result: 'invalid_credentials',
    });
    expect(lines().find((line) => 'route' in line)).toMatchObject({ status: 499, aborted: true });
  });

  it('logs failed probes, and audits a logout with its user', async () => {
    const missing = await h.api('GET', '/health/nope');
    expect(byRequest(missing.body.requestId).find((line) => 'route' in line)).toMatchObject({
      status: 404,
    });
    const up = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail('logout'), password: 'Canary-Pass-41' },
    });
    const out = await h.api('POST', '/v1/session/logout', { bearer: up.body.refreshJwt });
    expect(out.status).toBe(204);
    const requestId = out.headers.get('x-request-id')!;
    expect(byRequest(requestId).find((line) => line.event === 'auth')).toMatchObject({
      action: 'session.logout',
      result: 'success',
      userId: up.body.user.userId,
    });
  });

  it('audits a locked code as locked, though the answer is the wrong-code one', async () => {
    const loginId = uniqueEmail('locked');
    await h.api('POST', '/v1/otp/signup/email', { body: { loginId } });
    const [{ code }] = await h.outbox(loginId);
    const wrong = code === '000000' ? '111111' : '000000';
    await h.api('POST', '/v1/otp/verify/email', { body: { loginId, code: wrong } });
    // The emulator (maxWrongCodes: 2) locks the code at the second wrong try: E061103.
    const locked = await h.api('POST', '/v1/otp/verify/email', { body: { loginId, code: wrong } });
    expect([locked.status, locked.body.code]).toEqual([401, 'invalid_code']);
    expect(byRequest(locked.body.requestId).find((l) => l.event === 'auth')).toMatchObject({
      action: 'otp.verify',
      method: 'otp.email',
      result: 'locked',
    });
    const refresh = await h.api('POST', '/v1/session/refresh', {});
    expect(byRequest(refresh.body.requestId).find((l) => l.event === 'auth')).toMatchObject({
      action: 'session.refresh',
      result: 'invalid_token',
    });
  });

  it('logs an upstream failure once, with the error class, under the answer’s request id', async () => {
    await h.emulator.close();
    const failed = await h.api('GET', '/v1/password/policy');
    expect(failed.status).toBe(502);
    const lines = byRequest(failed.body.requestId);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        status: 502,
        error: expect.objectContaining({ type: 'DescopeUnavailableError' }),
      }),
    ]);
  });
});
