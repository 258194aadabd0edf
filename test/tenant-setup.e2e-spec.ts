import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/** The README's "Tenants and roles" example, step for step, so the documented calls stay true. */
describe('README: setting up a tenant, a role and a member', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  it('creates a tenant and a tenant role, adds the user, selects the tenant and checks the role', async () => {
    const loginId = uniqueEmail('tenant');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    const { management } = h.management;
    expect((await management.tenant.createWithId('acme', 'Acme Inc.')).ok).toBe(true);
    const role = await management.role.create('billing-admin', 'Manages invoices', [], 'acme');
    expect(role.ok).toBe(true);
    expect((await management.user.addTenant(loginId, 'acme')).ok).toBe(true);
    const roles = await management.user.addTenantRoles(loginId, 'acme', ['billing-admin']);
    expect(roles.ok).toBe(true);

    const signIn = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    const selected = await h.api('POST', '/v1/session/tenant', {
      bearer: signIn.body.refreshJwt,
      body: { tenant: 'acme' },
    });
    expect(selected.status).toBe(200);
    const { sessionJwt } = selected.body;
    const inTenant = await h.api('POST', '/v1/session/validate', {
      body: { sessionJwt, tenant: 'current', roles: ['billing-admin'] },
    });
    expect([inTenant.status, inTenant.body.currentTenant]).toEqual([200, 'acme']);
    const projectLevel = await h.api('POST', '/v1/session/validate', {
      body: { sessionJwt, roles: ['billing-admin'] },
    });
    expect([projectLevel.status, projectLevel.body.code]).toEqual([403, 'forbidden']);
    // A tenant the user is not in: the answer says so, naming the field.
    const foreign = await h.api('POST', '/v1/session/tenant', {
      bearer: signIn.body.refreshJwt,
      body: { tenant: 'globex' },
    });
    expect([foreign.status, foreign.body.detail, foreign.body.errors]).toEqual([
      400,
      'The user is not a member of that tenant',
      [{ field: 'tenant', message: 'not a tenant of this user (or no such tenant)' }],
    ]);
  });
});
