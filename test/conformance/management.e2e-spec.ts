import { EmulatorHarness, startHarness, uniqueEmail } from '../support/emulator-harness';
import { management, read } from './wire';

/**
 * Management calls that tests and setup tools make. Sources: docs.descope.com/api/management/*
 * (bodies and answers), Descope's OpenAPI models as generated into the .NET SDK
 * (`Managementv1.Role`), the Python SDK's `management/user.py` docstrings, the Ruby SDK's
 * integration tests (`spec/integration/.../management/user_spec.rb`), the .NET integration tests.
 */
describe('Conformance: management', () => {
  let h: EmulatorHarness;
  const post = (path: string, body: object) => h.raw('POST', path, body, management(h));
  beforeAll(async () => {
    h = await startHarness();
    await post('/v1/mgmt/tenant/create', { id: 'conf-tenant', name: 'Conformance' });
  });
  afterAll(() => h.close());

  it('role create answers the role', async () => {
    // docs /api/management/roles/create-role and OpenAPI Role: name, description,
    // permissionNames, createdTime, tenantId, default, private.
    const created = await post('/v1/mgmt/role/create', {
      name: 'conf-role',
      description: 'Conformance',
      permissionNames: ['doc.read'],
    });
    expect([created.status, await read(created)]).toEqual([
      200,
      {
        name: 'conf-role',
        description: 'Conformance',
        permissionNames: ['doc.read'],
        createdTime: expect.any(Number),
        tenantId: '',
        default: false,
        private: false,
      },
    ]);
  });

  it('refuses roleNames together with userTenants', async () => {
    // python management/user.py: role_names are "mutually exclusive with the user_tenant roles";
    // .NET UserTests.cs: "cannot include roleNames when userTenants is set". The code is not
    // published: E011003 (validation failure) is the emulator's stand-in.
    const both = await post('/v1/mgmt/user/create', {
      loginId: uniqueEmail('conf'),
      roleNames: ['conf-role'],
      userTenants: [{ tenantId: 'conf-tenant', roleNames: ['conf-role'] }],
    });
    const body = await read(both);
    expect([both.status, body.errorCode]).toEqual([400, 'E011003']);
    expect(body.errorMessage).toContain('mutually exclusive');
  });

  it('refuses unknown roles like unknown tenants (E011004)', async () => {
    // Not published (every SDK integration test creates its roles first): the emulator refuses
    // an unknown role as it does an unknown tenant, so setup mistakes show up locally.
    const loginId = uniqueEmail('conf');
    for (const body of [
      { loginId, roleNames: ['no-such-role'] },
      { loginId, userTenants: [{ tenantId: 'no-such-tenant' }] },
      { loginId, userTenants: [{ tenantId: 'conf-tenant', roleNames: ['no-such-role'] }] },
    ]) {
      const refused = await post('/v1/mgmt/user/create', body);
      expect([refused.status, (await read(refused)).errorCode]).toEqual([400, 'E011004']);
    }
    await post('/v1/mgmt/user/create', { loginId });
    const add = await post('/v2/mgmt/user/update/role/add', { loginId, roleNames: ['nope'] });
    expect([add.status, (await read(add)).errorCode]).toEqual([400, 'E011004']);
  });

  it('creates, then adds a tenant and its roles: the user answer carries them', async () => {
    // The order a real project needs (.NET and Java integration tests): tenant and role first.
    const loginId = uniqueEmail('conf');
    expect((await post('/v1/mgmt/user/create', { loginId })).status).toBe(200);
    await post('/v1/mgmt/user/update/tenant/add', { loginId, tenantId: 'conf-tenant' });
    const added = await post('/v2/mgmt/user/update/role/add', {
      loginId,
      tenantId: 'conf-tenant',
      roleNames: ['conf-role'],
    });
    expect((await read(added)).user.userTenants).toEqual([
      { tenantId: 'conf-tenant', tenantName: 'Conformance', roleNames: ['conf-role'] },
    ]);
  });

  it('a missing user is 404 E112102 on load and on delete', async () => {
    // Ruby user_spec.rb "should delete a user": load after delete raises NotFound (404) with
    // E112102; its cleanup code rescues NotFound from delete_user.
    const loginId = uniqueEmail('conf');
    await post('/v1/mgmt/user/create', { loginId });
    expect((await post('/v1/mgmt/user/delete', { loginId })).status).toBe(200);
    const load = await h.raw('GET', `/v1/mgmt/user?loginId=${loginId}`, undefined, management(h));
    expect([load.status, (await read(load)).errorCode]).toEqual([404, 'E112102']);
    const again = await post('/v1/mgmt/user/delete', { loginId });
    expect([again.status, (await read(again)).errorCode]).toEqual([404, 'E112102']);
  });

  it('user logout by user id ends every refresh token of the user', async () => {
    // node-sdk management user.ts: logoutUser(loginId) and logoutUserByUserId(userId) both POST
    // /v1/mgmt/user/logout with { loginId } or { userId }; the answer has no data.
    const loginId = uniqueEmail('conf');
    await post('/v1/mgmt/user/create', { loginId });
    await post('/v1/mgmt/user/password/set/active', { loginId, password: 'Correct-Horse-9' });
    const signIn = await h.sdk.password.signIn(loginId, 'Correct-Horse-9');
    const { refreshJwt, user } = signIn.data!;
    expect((await h.sdk.refresh(refreshJwt)).ok).toBe(true);
    const out = await h.management.management.user.logoutUserByUserId(user!.userId);
    expect(out.ok).toBe(true);
    expect((await h.sdk.refresh(refreshJwt)).ok).toBe(false);
  });
});
