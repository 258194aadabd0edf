import {
  decodeJwt,
  EmulatorHarness,
  STRONG_PASSWORD,
  startHarness,
  uniqueEmail,
} from './support/emulator-harness';

/** The real SDK runs every password and session call against the emulator over HTTP. */
describe('Emulator: password and session calls through the real SDK', () => {
  let h: EmulatorHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('signs up, signs in, validates, refreshes and reads me', async () => {
    const loginId = uniqueEmail();
    const signUp = await h.sdk.password.signUp(loginId, STRONG_PASSWORD, { name: 'Ada' });
    expect(signUp.ok).toBe(true);
    expect(signUp.data?.firstSeen).toBe(true);
    expect(signUp.data?.user?.email).toBe(loginId);
    expect(signUp.data?.user?.name).toBe('Ada');

    const signIn = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);
    expect(signIn.ok).toBe(true);
    expect(signIn.data?.firstSeen).toBe(false);
    const { sessionJwt, refreshJwt } = signIn.data!;

    const info = await h.sdk.validateSession(sessionJwt);
    expect(info.token.sub).toBe(signUp.data?.user?.userId);
    expect(info.token.amr).toEqual(['pwd']);

    const refreshed = await h.sdk.refreshSession(refreshJwt!);
    expect(refreshed.token.drn).toBe('DS');
    expect(refreshed.jwt).not.toBe(refreshJwt);

    const me = await h.sdk.me(refreshJwt);
    expect(me.ok).toBe(true);
    expect(me.data?.loginIds).toEqual([loginId]);
    expect(me.data?.password).toBe(true);
  });

  it('updates the password with a refresh token, then the old one fails', async () => {
    const loginId = uniqueEmail();
    const { data } = await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const update = await h.sdk.password.update(loginId, 'Brand-New-Pass1', data!.refreshJwt);
    expect(update.ok).toBe(true);
    expect((await h.sdk.password.signIn(loginId, STRONG_PASSWORD)).error?.errorCode).toBe(
      'E062903',
    );
    expect((await h.sdk.password.signIn(loginId, 'Brand-New-Pass1')).ok).toBe(true);
  });

  it("refuses an update without a refresh token or with another user's", async () => {
    const alice = uniqueEmail('alice');
    const bob = uniqueEmail('bob');
    const { data } = await h.sdk.password.signUp(alice, STRONG_PASSWORD);
    await h.sdk.password.signUp(bob, STRONG_PASSWORD);
    const missing = await h.sdk.password.update(alice, 'Brand-New-Pass1');
    expect([missing.code, missing.error?.errorCode]).toEqual([401, 'E990001']);
    const foreign = await h.sdk.password.update(bob, 'Brand-New-Pass1', data!.refreshJwt);
    expect(foreign.ok).toBe(false);
    expect((await h.sdk.password.signIn(bob, STRONG_PASSWORD)).ok).toBe(true);
  });

  it('replaces old with new and answers a session', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const replaced = await h.sdk.password.replace(loginId, STRONG_PASSWORD, 'Replaced-Pass2');
    expect(replaced.ok).toBe(true);
    await expect(h.sdk.validateSession(replaced.data!.sessionJwt)).resolves.toBeDefined();
    expect((await h.sdk.password.signIn(loginId, 'Replaced-Pass2')).ok).toBe(true);
    const wrongOld = await h.sdk.password.replace(loginId, STRONG_PASSWORD, 'Another-Pass3');
    expect(wrongOld.error?.errorCode).toBe('E062903');
  });

  it('refuses a reset for a user without a verified email (stand-in E011004)', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const reset = await h.sdk.password.sendReset(loginId, 'https://app.example.com/reset');
    expect([reset.code, reset.error?.errorCode]).toEqual([400, 'E011004']);
    expect(await h.outbox(loginId)).toEqual([]);
  });

  it('sends a reset link to the outbox, honouring redirectUrl; the link verifies once', async () => {
    const loginId = uniqueEmail();
    await h.management.management.user.create(loginId, { email: loginId, verifiedEmail: true });
    await h.management.management.user.setActivePassword(loginId, STRONG_PASSWORD);
    const reset = await h.sdk.password.sendReset(loginId, 'https://app.example.com/reset');
    expect(reset.ok).toBe(true);
    expect(reset.data).toMatchObject({
      resetMethod: 'magiclink',
      maskedEmail: expect.stringContaining('***@example.com'),
    });
    const [message] = await h.outbox(loginId);
    expect(message).toMatchObject({ channel: 'email', kind: 'password-reset', to: loginId });
    expect(message.link).toBe(`https://app.example.com/reset?t=${message.token}`);

    const verified = await h.sdk.magicLink.verify(message.token!);
    expect(verified.ok).toBe(true);
    const update = await h.sdk.password.update(loginId, 'After-Reset-4', verified.data!.refreshJwt);
    expect(update.ok).toBe(true);
    expect((await h.sdk.password.signIn(loginId, 'After-Reset-4')).ok).toBe(true);

    const again = await h.sdk.magicLink.verify(message.token!);
    expect([again.code, again.error?.errorCode]).toEqual([401, 'E062504']);
  });

  it('reports the password policy', async () => {
    const policy = await h.sdk.password.policy();
    expect(policy.data).toMatchObject({
      minLength: 8,
      lowercase: true,
      uppercase: true,
      number: true,
      nonAlphanumeric: false,
    });
  });

  it('selects a tenant the user is in, and refuses one they are not in', async () => {
    const tenant = await h.management.management.tenant.createWithId('acme', 'Acme');
    expect(tenant.ok).toBe(true);
    const loginId = uniqueEmail();
    await h.management.management.user.create(loginId, {
      email: loginId,
      userTenants: [{ tenantId: 'acme', roleNames: [] }],
    });
    await h.management.management.user.setActivePassword(loginId, STRONG_PASSWORD);
    const { data } = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);

    const selected = await h.sdk.selectTenant('acme', data!.refreshJwt);
    expect(selected.ok).toBe(true);
    expect(decodeJwt(selected.data!.sessionJwt).payload.dct).toBe('acme');
    const refreshed = await h.sdk.refreshSession(selected.data!.refreshJwt!);
    expect(refreshed.token.dct).toBe('acme');

    const refused = await h.sdk.selectTenant('other', data!.refreshJwt);
    expect([refused.code, refused.error?.errorCode]).toEqual([400, 'E011004']);
  });

  it('logout revokes that refresh token only; logout-all revokes every one', async () => {
    const loginId = uniqueEmail();
    const first = (await h.sdk.password.signUp(loginId, STRONG_PASSWORD)).data!.refreshJwt!;
    const second = (await h.sdk.password.signIn(loginId, STRONG_PASSWORD)).data!.refreshJwt!;
    const third = (await h.sdk.password.signIn(loginId, STRONG_PASSWORD)).data!.refreshJwt!;

    expect((await h.sdk.logout(first)).ok).toBe(true);
    const revoked = await h.sdk.refresh(first);
    expect([revoked.code, revoked.error?.errorCode]).toEqual([401, 'E064001']);
    await expect(h.sdk.refreshSession(first)).rejects.toThrow('refresh token validation failed');
    expect((await h.sdk.refresh(second)).ok).toBe(true);

    expect((await h.sdk.logoutAll(second)).ok).toBe(true);
    expect((await h.sdk.refresh(second)).ok).toBe(false);
    expect((await h.sdk.refresh(third)).ok).toBe(false);
  });

  it('creates a user, then adds roles and a tenant through management; tokens carry them', async () => {
    const m = h.management.management;
    expect((await m.role.create('editor', 'Edits', ['doc.read', 'doc.write'])).ok).toBe(true);
    expect((await m.role.create('viewer', 'Reads', ['doc.read'])).ok).toBe(true);
    await m.tenant.createWithId('globex', 'Globex');
    const loginId = uniqueEmail();
    const created = await m.user.create(loginId, { email: loginId, roles: ['editor'] });
    expect(created.ok).toBe(true);
    expect(created.data).toMatchObject({ loginIds: [loginId], roleNames: ['editor'] });
    await m.user.addTenant(loginId, 'globex');
    const added = await m.user.addTenantRoles(loginId, 'globex', ['viewer']);
    expect(added.data?.userTenants).toEqual([
      { tenantId: 'globex', roleNames: ['viewer'], tenantName: 'Globex' },
    ]);
    expect((await m.user.load(loginId)).data?.userId).toBe(created.data?.userId);

    await m.user.setActivePassword(loginId, STRONG_PASSWORD);
    const { data } = await h.sdk.password.signIn(loginId, STRONG_PASSWORD);
    const info = await h.sdk.validateSession(data!.sessionJwt);
    expect(h.sdk.validateRoles(info, ['editor'])).toBe(true);
    expect(h.sdk.validatePermissions(info, ['doc.write'])).toBe(true);
    expect(h.sdk.validateRoles(info, ['admin'])).toBe(false);
    expect(h.sdk.validateTenantRoles(info, 'globex', ['viewer'])).toBe(true);
    expect(h.sdk.validateTenantPermissions(info, 'globex', ['doc.read'])).toBe(true);
    expect(h.sdk.validateTenantPermissions(info, 'globex', ['doc.write'])).toBe(false);

    expect((await m.user.delete(loginId)).ok).toBe(true);
    expect((await m.user.load(loginId)).error?.errorCode).toBe('E112102');
    expect((await h.sdk.refresh(data!.refreshJwt)).ok).toBe(false);
  });

  it('refuses management calls without a key', async () => {
    const response = await h.raw('POST', '/v1/mgmt/user/create', { loginId: 'x@example.com' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errorCode: 'E990001' });
  });
});
