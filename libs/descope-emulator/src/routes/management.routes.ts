import { randomBytes } from 'node:crypto';
import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import {
  optionalBoolean,
  optionalString,
  optionalStringArray,
  requiredString,
} from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';

/** Answers the role, as the current docs of /v1/mgmt/role/create and Descope's OpenAPI `Role`. */
function createRole({ body }: EmulatorRequest, context: EmulatorContext) {
  const role = {
    name: requiredString(body, 'name'),
    description: optionalString(body, 'description') ?? '',
    permissionNames: optionalStringArray(body, 'permissionNames') ?? [],
    createdTime: Math.floor(Date.now() / 1000),
    tenantId: optionalString(body, 'tenantId') ?? '',
    default: optionalBoolean(body, 'default') ?? false,
    private: optionalBoolean(body, 'private') ?? false,
  };
  if (role.tenantId && !context.store.findTenant(role.tenantId)) {
    throw EmulatorErrors.invalidArguments(`Tenant "${role.tenantId}" does not exist`);
  }
  context.store.saveRole(role);
  return role;
}

function createTenant({ body }: EmulatorRequest, context: EmulatorContext) {
  const id = optionalString(body, 'id') ?? `T${randomBytes(12).toString('hex')}`;
  if (context.store.findTenant(id)) throw EmulatorErrors.invalidArguments('Tenant already exists');
  context.store.saveTenant({ id, name: requiredString(body, 'name') });
  return { id };
}

function loadTenant({ query }: EmulatorRequest, context: EmulatorContext) {
  const tenant = context.store.findTenant(query.get('id') ?? '');
  if (!tenant) throw EmulatorErrors.invalidArguments('Tenant not found');
  return tenant;
}

/** Management of roles and tenants, and the license call the SDK makes at construction. */
export const managementRoutes: Route[] = [
  route('GET', '/v1/mgmt/license', () => ({}), 'management'),
  route('POST', '/v1/mgmt/role/create', createRole, 'management'),
  route('POST', '/v1/mgmt/permission/create', () => ({}), 'management'),
  route('POST', '/v1/mgmt/tenant/create', createTenant, 'management'),
  route('GET', '/v1/mgmt/tenant', loadTenant, 'management'),
];
