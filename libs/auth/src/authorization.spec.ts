import { AuthenticatedSession } from './authenticated-session';
import { grantsOf, missingGrants, satisfies } from './authorization';

describe('authorization', () => {
  const session = {
    roles: ['viewer'],
    permissions: ['read'],
    tenants: { acme: { roles: ['admin'], permissions: ['write'] } },
    currentTenant: undefined,
  } as unknown as AuthenticatedSession;
  const inAcme = { ...session, currentTenant: 'acme' };

  it('checks a named tenant on its own grants only', () => {
    expect(missingGrants(session, { tenant: 'acme', roles: ['admin'] })).toEqual({
      noCurrentTenant: false,
      notMember: false,
      roles: [],
      permissions: [],
    });
    expect(missingGrants(session, { tenant: 'acme', roles: ['viewer'] }).roles).toEqual(['viewer']);
  });

  it('checks no tenant on project-level grants only, even with a current tenant (validateRoles)', () => {
    expect(grantsOf(session)).toEqual({ roles: ['viewer'], permissions: ['read'] });
    expect(grantsOf(inAcme)).toEqual({ roles: ['viewer'], permissions: ['read'] });
    expect(missingGrants(inAcme, { roles: ['admin'] }).roles).toEqual(['admin']);
  });

  it('checks "current" on the tenant of dct, and refuses when there is none', () => {
    expect(satisfies(missingGrants(inAcme, { tenant: 'current', roles: ['admin'] }))).toBe(true);
    expect(missingGrants(inAcme, { tenant: 'current', roles: ['viewer'] }).roles).toEqual([
      'viewer',
    ]);
    expect(missingGrants(session, { tenant: 'current' })).toMatchObject({ noCurrentTenant: true });
    expect(satisfies(missingGrants(session, { tenant: 'current' }))).toBe(false);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'treats tenant %s as not a membership',
    (tenant) => {
      expect(missingGrants(session, { tenant }).notMember).toBe(true);
      expect(
        missingGrants({ ...session, currentTenant: tenant }, { tenant: 'current' }).notMember,
      ).toBe(true);
    },
  );
});
