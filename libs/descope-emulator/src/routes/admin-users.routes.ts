import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { setPassword } from '../password-check';
import { hashPassword } from '../passwords';
import {
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
} from '../request-fields';
import { EmulatorRequest, Reply, route, Route } from '../route';
import { EmulatorUser, TenantMembership } from '../store-records';

type Body = Record<string, unknown>;

/** Live refresh tokens per user id, counted in one pass over them. */
function sessionCounts(context: EmulatorContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { userId } of context.refreshTokens.listLive()) {
    counts.set(userId, (counts.get(userId) ?? 0) + 1);
  }
  return counts;
}

/** A user as the UI shows it: never the password hash or the TOTP seed. */
function summary(user: EmulatorUser, counts = new Map<string, number>()) {
  const { passwordHash, totp, ...shown } = user;
  const sessions = counts.get(user.userId) ?? 0;
  return { ...shown, hasPassword: Boolean(passwordHash), totpEnrolled: Boolean(totp), sessions };
}

/**
 * Roles and tenants named in the UI are created when new (the emulator has no console for them),
 * once the whole edit has been checked: a refused edit creates nothing.
 */
function ensureNamed(fields: Partial<EmulatorUser>, context: EmulatorContext): void {
  const createdTime = Math.floor(Date.now() / 1000);
  const tenantRoles = (fields.userTenants ?? []).flatMap((tenant) => tenant.roleNames);
  for (const name of [...(fields.roleNames ?? []), ...tenantRoles]) {
    if (context.store.findRole(name)) continue;
    context.store.saveRole({
      name,
      permissionNames: [],
      default: false,
      private: false,
      createdTime,
    });
  }
  for (const { tenantId } of fields.userTenants ?? []) {
    if (!context.store.findTenant(tenantId))
      context.store.saveTenant({ id: tenantId, name: tenantId });
  }
}

function tenants(body: Body): TenantMembership[] {
  if (!Array.isArray(body.userTenants)) {
    throw EmulatorErrors.invalidRequest('"userTenants" must be an array');
  }
  return body.userTenants.map((entry: unknown) => {
    const fields = (entry && typeof entry === 'object' ? entry : {}) as Body;
    return {
      tenantId: requiredString(fields, 'tenantId'),
      roleNames: optionalStringArray(fields, 'roleNames') ?? [],
    };
  });
}

/** The fields an edit sets, all checked: only those present change. */
function edits(body: Body): Partial<EmulatorUser> {
  const status = optionalString(body, 'status');
  if (status !== undefined && status !== 'enabled' && status !== 'disabled') {
    throw EmulatorErrors.invalidRequest('"status" must be enabled or disabled');
  }
  const fields: Partial<EmulatorUser> = {
    name: optionalString(body, 'name'),
    email: optionalString(body, 'email'),
    phone: optionalString(body, 'phone'),
    verifiedEmail: optionalBoolean(body, 'verifiedEmail'),
    verifiedPhone: optionalBoolean(body, 'verifiedPhone'),
    roleNames: optionalStringArray(body, 'roleNames'),
    userTenants: body.userTenants === undefined ? undefined : tenants(body),
    customAttributes: optionalObject(body, 'customAttributes'),
    status,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function userOf({ params }: EmulatorRequest, context: EmulatorContext): EmulatorUser {
  const user = context.store.findById(params.userId);
  if (!user) throw EmulatorErrors.mgmtUserNotFound();
  return user;
}

/** Users whose login ids, name, email, phone or id contain `q` (any case); all without `q`. */
function list({ query }: EmulatorRequest, context: EmulatorContext) {
  const q = (query.get('q') ?? '').trim().toLowerCase();
  const users = context.store
    .snapshot()
    .users.filter((user) =>
      [...user.loginIds, user.name, user.email, user.phone, user.userId].some((text) =>
        text?.toLowerCase().includes(q),
      ),
    );
  users.sort((a, b) => b.createdTime - a.createdTime);
  const counts = sessionCounts(context);
  return { users: users.map((user) => summary(user, counts)) };
}

async function create({ body }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId').trim();
  if (context.store.findByLoginId(loginId)) throw EmulatorErrors.userExists();
  const password = optionalString(body, 'password');
  const fields = edits(body);
  ensureNamed(fields, context);
  const user = context.store.createUser({ ...fields, loginIds: [loginId] });
  if (password) setPassword(user, await hashPassword(password));
  return new Reply(201, { user: summary(user) });
}

function edit(request: EmulatorRequest, context: EmulatorContext) {
  const user = userOf(request, context);
  const fields = edits(request.body);
  ensureNamed(fields, context);
  Object.assign(user, fields);
  return { user: summary(user, sessionCounts(context)) };
}

function remove(request: EmulatorRequest, context: EmulatorContext) {
  const user = userOf(request, context);
  context.store.deleteUser(user);
  context.refreshTokens.revokeAll(user.userId);
  return {};
}

/** The UI's users: list and search, create, edit (disable: `status`), delete. */
export const adminUserRoutes: Route[] = [
  route('GET', '/emulator/users', list, 'admin'),
  route('POST', '/emulator/users', create, 'admin'),
  route('POST', '/emulator/users/:userId', edit, 'admin'),
  route('DELETE', '/emulator/users/:userId', remove, 'admin'),
];
