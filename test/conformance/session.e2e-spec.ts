import { decodeJwt, EmulatorHarness, startHarness, uniqueEmail } from '../support/emulator-harness';
import { bearer, json, management, read, signUpByPassword } from './wire';

/**
 * Tokens, keys and the session calls. Sources: docs.descope.com/session-management (claims, `amr`
 * values, `mfa`), /session-overview (`dct` set for a single-tenant user), /flows/actions/custom-claims
 * (an example session token with `aud: [projectId]` and `rexp` as an ISO-8601 string),
 * /manage/customclaims (client claims under `nsec`), /step-up (`su: true`), /api/keys (JWKS
 * `{keys: [{alg, e, kid, kty, n, use}]}`), core-js-sdk `constants/apiPaths.ts` (paths).
 */
describe('Conformance: session tokens and calls', () => {
  let h: EmulatorHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('serves the JWKS at /v2/keys/<projectId>, one RS256 signing key by default', async () => {
    const { keys } = await json(h.raw('GET', `/v2/keys/${h.emulator.projectId}`));
    expect(keys).toEqual([
      {
        alg: 'RS256',
        e: 'AQAB',
        kid: expect.any(String),
        kty: 'RSA',
        n: expect.any(String),
        use: 'sig',
      },
    ]);
  });

  it('session tokens carry the claims Descope documents; refresh tokens drn DSR', async () => {
    const user = await signUpByPassword(h);
    const { header, payload } = decodeJwt(user.sessionJwt);
    expect(header).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(payload).toMatchObject({
      sub: user.userId,
      iss: h.emulator.projectId,
      aud: [h.emulator.projectId],
      drn: 'DS',
      amr: ['pwd'],
      iat: expect.any(Number),
      exp: expect.any(Number),
      roles: [],
      permissions: [],
      tenants: {},
    });
    const refresh = decodeJwt(user.refreshJwt).payload;
    expect(refresh).toMatchObject({ sub: user.userId, drn: 'DSR', exp: expect.any(Number) });
    // rexp: the refresh expiry as "2025-03-26T17:36:44Z".
    expect(payload.rexp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(payload.rexp as string) / 1000).toBe(refresh.exp);
    expect(payload).not.toHaveProperty('dct');
  });

  it('puts loginOptions.customClaims under nsec', async () => {
    const loginId = uniqueEmail('conf');
    await h.raw('POST', '/v1/auth/otp/signup/email', { loginId, user: {} });
    const [{ code }] = await h.outbox(loginId);
    await h.raw('POST', '/v1/auth/otp/verify/email', { loginId, code });
    await h.raw('POST', '/v1/auth/otp/signin/email', {
      loginId,
      loginOptions: { customClaims: { plan: 'pro' } },
    });
    const [next] = await h.outbox(loginId);
    const verified = await json(
      h.raw('POST', '/v1/auth/otp/verify/email', { loginId, code: next.code }),
    );
    const payload = decodeJwt(verified.sessionJwt).payload;
    expect([payload.nsec, payload.plan]).toEqual([{ plan: 'pro' }, undefined]);
  });

  it('sets dct for a user of exactly one tenant, and me/tenants {dct} names it', async () => {
    await h.raw('POST', '/v1/mgmt/tenant/create', { id: 'conf-one', name: 'One' }, management(h));
    const user = await signUpByPassword(h);
    await h.raw(
      'POST',
      '/v1/mgmt/user/update/tenant/add',
      { loginId: user.loginId, tenantId: 'conf-one' },
      management(h),
    );
    const refreshed = await json(h.raw('POST', '/v1/auth/refresh', {}, bearer(h, user.refreshJwt)));
    expect(decodeJwt(refreshed.sessionJwt).payload.dct).toBe('conf-one');
    const mine = await json(
      h.raw('POST', '/v1/auth/me/tenants', { dct: true }, bearer(h, user.refreshJwt)),
    );
    expect(mine).toEqual({ tenants: [{ id: 'conf-one', name: 'One' }] });
  });

  it('a step-up sets su and adds the method; two methods add mfa', async () => {
    const user = await signUpByPassword(h);
    const stepUp = { loginId: user.loginId, loginOptions: { stepup: true } };
    // A step-up needs the refresh token of the session it raises.
    const bare = await h.raw('POST', '/v1/auth/otp/signin/email', stepUp);
    expect([bare.status, (await read(bare)).errorCode]).toEqual([401, 'E990001']);
    await h.raw('POST', '/v1/auth/otp/signin/email', stepUp, bearer(h, user.refreshJwt));
    const [{ code }] = await h.outbox(user.loginId);
    const verified = await json(
      h.raw('POST', '/v1/auth/otp/verify/email', { loginId: user.loginId, code }),
    );
    const payload = decodeJwt(verified.sessionJwt).payload;
    expect([payload.amr, payload.su, payload.sub]).toEqual([
      ['pwd', 'email', 'mfa'],
      true,
      user.userId,
    ]);
  });

  it('logout revokes the refresh token: refresh is then 401', async () => {
    const user = await signUpByPassword(h);
    expect((await h.raw('POST', '/v1/auth/logout', {}, bearer(h, user.refreshJwt))).status).toBe(
      200,
    );
    const after = await h.raw('POST', '/v1/auth/refresh', {}, bearer(h, user.refreshJwt));
    expect(after.status).toBe(401);
  });
});
