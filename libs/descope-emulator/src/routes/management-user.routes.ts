import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { hashPassword, policyViolations } from '../passwords';
import {
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
} from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { EmulatorUser, TenantMembership } from '../store-records';
import { toUserResponse } from '../user-response';

type Body = Record<string, unknown>;

function tenantsOf(body: Body, context: EmulatorContext): TenantMembership[] {
  const value = body.userTenants ?? [];
  if (!Array.isArray(value)) throw EmulatorErrors.invalidRequest('"userTenants" must be an array');
  return value.map((entry: Body) => {
    const tenantId = requiredString(entry ?? {}, 'tenantId');
    if (!context.store.findTenant(tenantId)) {
      throw EmulatorErrors.invalidArguments(`Tenant "${tenantId}" does not exist`);
    }
    return { tenantId, roleNames: optionalStringArray(entry, 'roleNames') ?? [] };
  });
}

/** The user fields a management create or update sets (update replaces them all, as Descope). */
function userFields(body: Body, context: EmulatorContext): Partial<EmulatorUser> {
  return {
    email: optionalString(body, 'email'),
    phone: optionalString(body, 'phone'),
    name: optionalString(body, 'displayName') ?? optionalString(body, 'name'),
    givenName: optionalString(body, 'givenName'),
    middleName: optionalString(body, 'middleName'),
    familyName: optionalString(body, 'familyName'),
    picture: optionalString(body, 'picture'),
    verifiedEmail: optionalBoolean(body, 'verifiedEmail') ?? false,
    verifiedPhone: optionalBoolean(body, 'verifiedPhone') ?? false,
    roleNames: optionalStringArray(body, 'roleNames') ?? [],
    userTenants: tenantsOf(body, context),
    customAttributes: optionalObject(body, 'customAttributes') ?? {},
  };
}

function findUser(body: Body, context: EmulatorContext): EmulatorUser {
  const id = optionalString(body, 'loginId') ?? requiredString(body, 'userId');
  const user = context.store.findByLoginIdOrUserId(id);
  if (!user) throw EmulatorErrors.mgmtUserNotFound();
  return user;
}

function createUser({ body, path }: EmulatorRequest, context: EmulatorContext) {
  const loginId = requiredString(body, 'loginId');
  const loginIds = [loginId, ...(optionalStringArray(body, 'additionalLoginIds') ?? [])];
  if (loginIds.some((id) => context.store.findByLoginId(id))) throw EmulatorErrors.userExists();
  const test = path.endsWith('/test') || optionalBoolean(body, 'test') === true;
  const user = context.store.createUser({ ...userFields(body, context), loginIds, test });
  return { user: toUserResponse(user, context.store) };
}

function updateUser({ body }: EmulatorRequest, context: EmulatorContext) {
  const user = findUser(body, context);
  Object.assign(user, userFields(body, context));
  return { user: toUserResponse(user, context.store) };
}

function loadUser({ query }: EmulatorRequest, context: EmulatorContext) {
  const id = query.get('loginId') ?? query.get('userId') ?? '';
  const user = context.store.findByLoginIdOrUserId(id);
  if (!user) throw EmulatorErrors.mgmtUserNotFound();
  return { user: toUserResponse(user, context.store) };
}

function deleteUser({ body }: EmulatorRequest, context: EmulatorContext) {
  const id = optionalString(body, 'loginId') ?? optionalString(body, 'userId') ?? '';
  const user = context.store.findByLoginIdOrUserId(id);
  if (user) {
    context.refreshTokens.revokeAll(user.userId);
    context.store.deleteUser(user);
  }
  return {};
}

async function setActivePassword({ body }: EmulatorRequest, context: EmulatorContext) {
  const user = findUser(body, context);
  const password = requiredString(body, 'password');
  const broken = policyViolations(password, context.options.passwordPolicy);
  if (broken.length) throw EmulatorErrors.weakPassword(`The password needs ${broken.join(', ')}`);
  user.passwordHash = await hashPassword(password);
  return {};
}

function addTenant({ body }: EmulatorRequest, context: EmulatorContext) {
  const user = findUser(body, context);
  const [membership] = tenantsOf({ userTenants: [{ tenantId: body.tenantId }] }, context);
  if (!user.userTenants.some(({ tenantId }) => tenantId === membership.tenantId)) {
    user.userTenants.push(membership);
  }
  return { user: toUserResponse(user, context.store) };
}

function addRoles({ body }: EmulatorRequest, context: EmulatorContext) {
  const user = findUser(body, context);
  const roleNames = optionalStringArray(body, 'roleNames') ?? [];
  const tenantId = optionalString(body, 'tenantId');
  const membership = tenantId && user.userTenants.find((entry) => entry.tenantId === tenantId);
  if (tenantId && !membership) throw EmulatorErrors.invalidArguments('User is not in the tenant');
  const target = membership ? membership.roleNames : user.roleNames;
  target.push(...roleNames.filter((name) => !target.includes(name)));
  return { user: toUserResponse(user, context.store) };
}

/** Management of users, as the SDK's `management.user.*` sends it. */
export const managementUserRoutes: Route[] = [
  route('POST', '/v1/mgmt/user/create', createUser, 'management'),
  route('POST', '/v1/mgmt/user/create/test', createUser, 'management'),
  route('POST', '/v1/mgmt/user/update', updateUser, 'management'),
  route('GET', '/v1/mgmt/user', loadUser, 'management'),
  route('POST', '/v1/mgmt/user/delete', deleteUser, 'management'),
  route('POST', '/v1/mgmt/user/password/set/active', setActivePassword, 'management'),
  route('POST', '/v1/mgmt/user/update/tenant/add', addTenant, 'management'),
  route('POST', '/v2/mgmt/user/update/role/add', addRoles, 'management'),
];
