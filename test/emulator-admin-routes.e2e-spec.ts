import {
  decodeJwt,
  EmulatorHarness,
  STRONG_PASSWORD,
  startHarness,
  uniqueEmail,
} from './support/emulator-harness';

/**
 * The admin JSON routes behind the UI, as another team's tests would script them: users, sessions,
 * run-time settings and faults, each checked through the real SDK.
 */
describe('Emulator: admin routes (users, sessions, settings, faults)', () => {
  let h: EmulatorHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await h.raw(method, path, body);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('creates a user with a password the SDK signs in with, then edits, disables and deletes it', async () => {
    const loginId = uniqueEmail('admin');
    const created = await admin('POST', '/emulator/users', { loginId, password: STRONG_PASSWORD });
    expect(created.status).toBe(201);
    const { userId } = created.body.user as { userId: string };
    const edited = await admin('POST', `/emulator/users/${userId}`, {
      name: 'Ada',
      roleNames: ['auditor'],
      userTenants: [{ tenantId: 'acme', roleNames: ['owner'] }],
    });
    expect(edited.body.user).toMatchObject({ name: 'Ada', roleNames: ['auditor'] });
    const signIn = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);
    const claims = decodeJwt(signIn.data!.sessionJwt).payload;
    expect(claims.roles).toEqual(['auditor']);
    expect(claims.tenants).toEqual({ acme: { roles: ['owner'], permissions: [] } });

    await admin('POST', `/emulator/users/${userId}`, { status: 'disabled' });
    expect((await h.sdk.password.signIn(loginId, STRONG_PASSWORD)).code).toBe(401);
    expect((await h.sdk.refresh(signIn.data!.refreshJwt)).code).toBe(401);
    const replaced = await h.sdk.password.replace(loginId, STRONG_PASSWORD, 'Other-Horse-10');
    expect(replaced.code).toBe(401);
    await admin('POST', `/emulator/users/${userId}`, { status: 'enabled' });
    expect((await h.sdk.password.signIn(loginId, STRONG_PASSWORD)).ok).toBe(true);

    expect((await admin('DELETE', `/emulator/users/${userId}`)).status).toBe(200);
    expect((await admin('GET', `/emulator/users?q=${loginId}`)).body.users).toEqual([]);
  });

  it('refuses a bad edit with 400 and changes nothing', async () => {
    const loginId = uniqueEmail('bad-edit');
    const { userId } = (await admin('POST', '/emulator/users', { loginId })).body.user;
    const bad = await admin('POST', `/emulator/users/${userId}`, { name: 'x', status: 'gone' });
    expect(bad.status).toBe(400);
    expect((await admin('GET', `/emulator/users?q=${loginId}`)).body.users[0].name).toBeUndefined();
    expect((await admin('POST', '/emulator/users', { loginId })).status).toBe(400);
  });

  it('lists a user’s live sessions and revokes one, then all', async () => {
    const loginId = uniqueEmail('sessions');
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const first = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);
    const second = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);
    const userId = first.data!.user!.userId;
    const listed = await admin('GET', `/emulator/sessions?userId=${userId}`);
    expect(listed.body.sessions).toHaveLength(3);
    const jti = decodeJwt(first.data!.refreshJwt!).payload.jti as string;
    await admin('DELETE', `/emulator/sessions/${jti}`);
    expect((await h.sdk.refresh(first.data!.refreshJwt)).code).toBe(401);
    expect((await h.sdk.refresh(second.data!.refreshJwt)).ok).toBe(true);
    await admin('DELETE', `/emulator/users/${userId}/sessions`);
    expect((await h.sdk.refresh(second.data!.refreshJwt)).code).toBe(401);
  });

  it('applies run-time settings to the next token, all or none', async () => {
    const loginId = uniqueEmail('settings');
    expect((await admin('POST', '/emulator/settings', { sessionTtlSeconds: 0 })).status).toBe(400);
    const set = await admin('POST', '/emulator/settings', { sessionTtlSeconds: 120 });
    expect(set.body.sessionTtlSeconds).toBe(120);
    const signUp = await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const { iat, exp } = decodeJwt(signUp.data!.sessionJwt).payload as { iat: number; exp: number };
    expect(exp - iat).toBe(120);
    await admin('POST', '/emulator/settings', { sessionTtlSeconds: 600 });
  });

  it('injects a 429 with Retry-After for N requests, a latency, and a dropped connection', async () => {
    const path = '/v1/auth/password/signin';
    await admin('POST', '/emulator/faults', { path, status: 429, retryAfterSeconds: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const limited = await h.raw('POST', path, { loginId: 'x', password: 'y' });
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    }
    expect((await h.raw('POST', path, { loginId: 'x', password: 'y' })).status).not.toBe(429);
    await admin('POST', '/emulator/faults', { path: '/v2/keys/*', latencyMs: 300, times: 1 });
    const started = Date.now();
    expect((await h.raw('GET', `/v2/keys/${h.emulator.projectId}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await admin('POST', '/emulator/faults', { method: 'POST', path, drop: true });
    await expect(h.raw('POST', path, {})).rejects.toThrow();
    expect((await admin('GET', '/emulator/faults')).body.faults).toHaveLength(1);
    await admin('DELETE', '/emulator/faults');
    expect((await h.raw('POST', path, {})).status).toBe(400);
  });

  it.each([
    [{ path: 'no-slash', status: 503 }],
    [{ path: '/x', status: 418 }],
    [{ path: '/x' }],
    [{ path: '/x', latencyMs: 999_999 }],
    [{ path: '/x', status: 500, times: 0 }],
  ])('refuses the fault %j with 400', async (fault) => {
    expect((await admin('POST', '/emulator/faults', fault)).status).toBe(400);
  });
});
