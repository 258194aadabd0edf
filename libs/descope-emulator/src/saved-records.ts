/**
 * The shape checks of a saved state's records, made before anything is replaced: a state with one
 * bad user (a login id that is a number, no tenant list) is refused whole, never half-applied.
 */
type Check = (record: Record<string, unknown>) => string | undefined;

const strings = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalText = (record: Record<string, unknown>, fields: string[]) =>
  fields.find((field) => record[field] !== undefined && typeof record[field] !== 'string');

const user: Check = (u) => {
  if (typeof u.userId !== 'string') return 'no userId';
  if (!strings(u.loginIds) || !(u.loginIds as unknown[]).length) return 'loginIds: not strings';
  if (!strings(u.roleNames)) return 'roleNames: not strings';
  const memberships = u.userTenants;
  const member = (t: unknown) =>
    isObject(t) && typeof t.tenantId === 'string' && strings(t.roleNames);
  if (!Array.isArray(memberships) || !memberships.every(member)) return 'userTenants: malformed';
  if (u.status !== 'enabled' && u.status !== 'disabled') return 'status: not enabled or disabled';
  if (typeof u.verifiedEmail !== 'boolean' || typeof u.verifiedPhone !== 'boolean') {
    return 'verified flags: not booleans';
  }
  if (!isObject(u.customAttributes)) return 'customAttributes: not an object';
  if (u.totp !== undefined && !(isObject(u.totp) && typeof u.totp.secret === 'string')) {
    return 'totp: malformed';
  }
  const text = optionalText(u, [
    'name',
    'email',
    'phone',
    'passwordHash',
    'givenName',
    'familyName',
  ]);
  return text && `${text}: not a string`;
};

const role: Check = (r) =>
  typeof r.name === 'string' && strings(r.permissionNames) ? undefined : 'malformed';
const tenant: Check = (t) =>
  typeof t.id === 'string' && typeof t.name === 'string' ? undefined : 'malformed';
const token: Check = (t) =>
  typeof t.jti === 'string' &&
  typeof t.userId === 'string' &&
  typeof t.family === 'string' &&
  typeof t.exp === 'number' &&
  strings(t.amr)
    ? undefined
    : 'malformed';

/** Why the lists cannot be restored (`user 3: loginIds: not strings`), or undefined. */
export function badRecord(
  lists: Record<'users' | 'roles' | 'tenants' | 'refreshTokens', unknown[]>,
) {
  const checks = { users: user, roles: role, tenants: tenant, refreshTokens: token };
  for (const [name, check] of Object.entries(checks)) {
    for (const [index, record] of lists[name as keyof typeof checks].entries()) {
      const why = isObject(record) ? check(record) : 'not an object';
      if (why) return `${name} ${index + 1}: ${why}`;
    }
  }
  return undefined;
}
