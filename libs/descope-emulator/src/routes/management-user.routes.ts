import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { setPassword } from '../password-check';
import { hashPassword, policyViolations } from '../passwords';
import {
  optionalBoolean,
  optionalString,
  optionalStringArray,
  requiredString,
} from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';
import { toUserResponse } from '../user-response';
import { findUser, knownRoles, tenantsOf, userFields } from './management-user-fields';

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

/** A missing user is 404 E112102 (Descope's Ruby integration tests after a delete). */
function loadUser({ query }: EmulatorRequest, context: EmulatorContext) {
  const id = query.get('loginId') ?? query.get('userId') ?? '';
  const user = context.store.findByLoginIdOrUserId(id);
  if (!user) throw EmulatorErrors.mgmtUserNotFound();
  return { user: toUserResponse(user, context.store) };
}

/** Deleting a missing user is 404 too (the Ruby SDK's cleanup rescues NotFound). */
function deleteUser({ body }: EmulatorRequest, context: EmulatorContext) {
  const user = findUser(body, context);
  context.refreshTokens.revokeAll(user.userId);
  context.store.deleteUser(user);
  return {};
}

/** Every refresh token of the user ends (node-sdk `logoutUser` / `logoutUserByUserId`). */
function logoutUser({ body }: EmulatorRequest, context: EmulatorContext) {
  context.refreshTokens.revokeAll(findUser(body, context).userId);
  return {};
}

async function setActivePassword({ body }: EmulatorRequest, context: EmulatorContext) {
  const user = findUser(body, context);
  const password = requiredString(body, 'password');
  const broken = policyViolations(password, context.options.passwordPolicy);
  if (broken.length) throw EmulatorErrors.weakPassword(`The password needs ${broken.join(', ')}`);
  setPassword(user, await hashPassword(password));
  return {};
}

/** The user must change the password before signing in with it (node-sdk `expirePassword`). */
function expirePassword({ body }: EmulatorRequest, context: EmulatorContext) {
  findUser(body, context).passwordExpired = true;
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
  const roleNames = knownRoles(optionalStringArray(body, 'roleNames') ?? [], context);
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
  route('POST', '/v1/mgmt/user/logout', logoutUser, 'management'),
  route('POST', '/v1/mgmt/user/password/set/active', setActivePassword, 'management'),
  route('POST', '/v1/mgmt/user/password/expire', expirePassword, 'management'),
  route('POST', '/v1/mgmt/user/update/tenant/add', addTenant, 'management'),
  route('POST', '/v2/mgmt/user/update/role/add', addRoles, 'management'),
];
