import { AuthenticatedSession } from './authenticated-session';
import { grantsOf, missingGrants } from './authorization';

describe('authorization', () => {
  const session = {
    roles: ['viewer'],
    permissions: ['read'],
    tenants: { acme: { roles: ['admin'], permissions: ['write'] } },
    currentTenant: undefined,
  } as unknown as AuthenticatedSession;

  it('checks a named tenant on its own grants only', () => {
    expect(missingGrants(session, { tenant: 'acme', roles: ['admin'] })).toEqual({
      notMember: false,
      roles: [],
      permissions: [],
    });
    expect(missingGrants(session, { tenant: 'acme', roles: ['viewer'] }).roles).toEqual(['viewer']);
  });

  it('adds the selected tenant to project-level grants', () => {
    expect(grantsOf(session)).toEqual({ roles: ['viewer'], permissions: ['read'] });
    expect(grantsOf({ ...session, currentTenant: 'acme' })).toEqual({
      roles: ['viewer', 'admin'],
      permissions: ['read', 'write'],
    });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'treats tenant %s as not a membership',
    (tenant) => {
      expect(missingGrants(session, { tenant }).notMember).toBe(true);
      expect(grantsOf({ ...session, currentTenant: tenant })).toEqual({
        roles: ['viewer'],
        permissions: ['read'],
      });
    },
  );
});
