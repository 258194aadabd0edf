import { randomBytes } from 'node:crypto';
import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { optionalString, optionalStringArray, requiredString } from '../request-fields';
import { EmulatorRequest, route, Route } from '../route';

function createRole({ body }: EmulatorRequest, context: EmulatorContext) {
  context.store.saveRole({
    name: requiredString(body, 'name'),
    description: optionalString(body, 'description'),
    permissionNames: optionalStringArray(body, 'permissionNames') ?? [],
    tenantId: optionalString(body, 'tenantId'),
  });
  return {};
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
