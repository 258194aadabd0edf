import { AppHarness, startApp } from './support/app-harness';
import { decodeJwt, STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/**
 * What a role check means, against a user set up as in a real project (tenant and roles first,
 * then the user, then its grants): no tenant named → project-level grants only; a tenant named
 * → that tenant's; `current` → the tenant in the session's `dct`.
 */
describe('Service: roles and permissions per tenant', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  it('checks roles per tenant of a user set up as a real project must: create, then add', async () => {
    const m = h.management.management;
    await m.tenant.createWithId('flow-org', 'Flow Org');
    await m.role.create('flow-editor', 'Edits', ['doc.write', 'doc.read']);
    await m.role.create('flow-viewer', 'Views', ['doc.read']);
    const loginId = uniqueEmail('roles');
    await m.user.create(loginId, { email: loginId, verifiedEmail: true });
    await m.user.addRoles(loginId, ['flow-editor']);
    await m.user.addTenant(loginId, 'flow-org');
    await m.user.addTenantRoles(loginId, 'flow-org', ['flow-viewer']);
    await m.user.setActivePassword(loginId, STRONG_PASSWORD);
    const { body } = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    // Descope sets the current tenant itself for a user of exactly one tenant.
    expect(decodeJwt(body.sessionJwt).payload.dct).toBe('flow-org');
    const validate = (extra: object) =>
      h.api('POST', '/v1/session/validate', { body: { sessionJwt: body.sessionJwt, ...extra } });

    const ok = await validate({ roles: ['flow-editor'], permissions: ['doc.write'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      roles: ['flow-editor'],
      currentTenant: 'flow-org',
      tenants: { 'flow-org': { roles: ['flow-viewer'] } },
    });
    const missingRole = await validate({ roles: ['admin'] });
    expect([missingRole.status, missingRole.body.code]).toEqual([403, 'forbidden']);
    expect(missingRole.body.detail).toContain('role admin');
    // No tenant named: project-level grants only, even with dct set (the SDK's validateRoles).
    expect((await validate({ roles: ['flow-viewer'] })).status).toBe(403);
    expect((await validate({ tenant: 'flow-org', roles: ['flow-viewer'] })).status).toBe(200);
    expect((await validate({ tenant: 'current', roles: ['flow-viewer'] })).status).toBe(200);
    expect((await validate({ tenant: 'current', roles: ['flow-editor'] })).status).toBe(403);
    expect((await validate({ tenant: 'flow-org', permissions: ['doc.write'] })).status).toBe(403);
    expect((await validate({ tenant: 'other-org' })).status).toBe(403);
  });

  it('answers tenant "current" with 403 when the session has no current tenant', async () => {
    const loginId = uniqueEmail('no-tenant');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    expect(decodeJwt(body.sessionJwt).payload).not.toHaveProperty('dct');
    const current = await h.api('POST', '/v1/session/validate', {
      body: { sessionJwt: body.sessionJwt, tenant: 'current' },
    });
    expect([current.status, current.body.code]).toEqual([403, 'forbidden']);
    expect(current.body.detail).toContain('no current tenant');
  });
});
