import { randomInt } from 'node:crypto';
import { generateSync } from 'otplib';
import { AppHarness, ApiRequest, ApiResponse, cookieValue, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { verifyEmail } from '../support/verify-email';

const FRONTEND = 'https://app.example.com';
const newClient = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const ENV = { CORS_ORIGINS: FRONTEND, TRUST_PROXY: '1', RATE_LIMIT_IP_PER_MINUTE: '3' };
/** Any JWT (or the device token) anywhere in a text. */
const TOKEN = /eyJ[\w-]+\.|"(sessionJwt|refreshJwt|deviceToken)"|v1\.[\w-]+\.\d+\./;

/** Every route that issues tokens, in one flow; the refresh token goes back as a bearer. */
async function issuingFlow(h: AppHarness, send: AppHarness['api']) {
  const refreshOf = (r: ApiResponse) => r.body.refreshJwt ?? cookieValue(r.cookies.DSR);
  const loginId = uniqueEmail('issue');
  const password = { loginId, password: STRONG_PASSWORD };
  const answers: [string, ApiResponse][] = [];
  const call = async (path: string, request: ApiRequest) => {
    const answer = await send('POST', path, request);
    answers.push([path, answer]);
    expect([path, answer.status < 300]).toEqual([path, true]);
    return answer;
  };
  await call('/v1/password/signup', { body: password });
  await call('/v1/password/signin', { body: password });
  const replaced = await call('/v1/password/replace', {
    body: { loginId, oldPassword: STRONG_PASSWORD, newPassword: 'Other-Pass-42' },
  });
  const bearer = refreshOf(replaced);
  await call('/v1/session/refresh', { bearer });
  const tenant = `t${randomInt(1e9)}`;
  await h.management.management.tenant.createWithId(tenant, tenant);
  await h.management.management.user.addTenant(loginId, tenant);
  await call('/v1/session/tenant', { bearer, body: { tenant } });
  await verifyEmail(h, loginId, bearer);
  await send('POST', '/v1/password/reset', { body: { loginId } });
  const [reset] = await h.outbox(loginId);
  const afterReset = await call('/v1/password/reset/complete', {
    body: { token: reset.token, newPassword: 'Third-Pass-43' },
  });
  const otpUser = uniqueEmail('otp');
  await send('POST', '/v1/otp/signup/email', { body: { loginId: otpUser } });
  const [{ code }] = await h.outbox(otpUser);
  await call('/v1/otp/verify/email', { body: { loginId: otpUser, code } });
  const totpUser = uniqueEmail('totp');
  const { body } = await send('POST', '/v1/totp/signup', { body: { loginId: totpUser } });
  await call('/v1/totp/verify', {
    body: { loginId: totpUser, code: generateSync({ secret: body.key }) },
  });
  // The reset ended the earlier sessions (their refresh tokens included): log out with its own.
  await call('/v1/session/logout-all', { bearer: refreshOf(afterReset) });
  return answers;
}

/**
 * Token delivery, a route effect: with TOKEN_DELIVERY=cookie no token (nor the device token) is
 * ever in a body or another header, with `body` no cookie is ever set, on every route that issues
 * tokens.
 */
describe.each(['cookie', 'body'] as const)('Security: TOKEN_DELIVERY=%s on every route', (mode) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp({ ...ENV, TOKEN_DELIVERY: mode });
  });
  afterAll(() => h.close());

  it(`delivers tokens only by ${mode} on every route that issues them`, async () => {
    const send: AppHarness['api'] = (method, path, request = {}) =>
      h.api(method, path, { ...request, headers: { 'x-forwarded-for': newClient() } });
    const answers = await issuingFlow(h, send);
    for (const [path, answer] of answers.filter(([p]) => !p.includes('logout'))) {
      const text = JSON.stringify(answer.body);
      const names = Object.keys(answer.cookies).sort();
      if (mode === 'cookie') {
        expect([path, TOKEN.test(text), names.includes('DS')]).toEqual([path, false, true]);
      } else {
        expect([path, typeof answer.body.sessionJwt, names]).toEqual([path, 'string', []]);
      }
      const headers = [...answer.headers].filter(([name]) => name !== 'set-cookie');
      expect([path, TOKEN.test(JSON.stringify(headers))]).toEqual([path, false]);
    }
    const logout = answers.find(([path]) => path.includes('logout'))![1];
    expect(Object.keys(logout.cookies).sort()).toEqual(mode === 'cookie' ? ['DS', 'DSR'] : []);
  });
});
