import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import {
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
} from '../request-fields';
import { EmulatorUser, TenantMembership } from '../store-records';

type Body = Record<string, unknown>;

/**
 * Role names that exist, else E011004 like an unknown tenant. Descope's SDK integration tests
 * always create a role before assigning it; what it answers otherwise is not published.
 */
export function knownRoles(names: string[], context: EmulatorContext): string[] {
  const unknown = names.find((name) => !context.store.findRole(name));
  if (unknown) throw EmulatorErrors.invalidArguments(`Role "${unknown}" does not exist`);
  return names;
}

export function tenantsOf(body: Body, context: EmulatorContext): TenantMembership[] {
  const value = body.userTenants ?? [];
  if (!Array.isArray(value)) throw EmulatorErrors.invalidRequest('"userTenants" must be an array');
  return value.map((entry: Body) => {
    const tenantId = requiredString(entry ?? {}, 'tenantId');
    if (!context.store.findTenant(tenantId)) {
      throw EmulatorErrors.invalidArguments(`Tenant "${tenantId}" does not exist`);
    }
    const roleNames = knownRoles(optionalStringArray(entry, 'roleNames') ?? [], context);
    return { tenantId, roleNames };
  });
}

/**
 * The user fields a management create or update sets (update replaces them all, as Descope).
 * `roleNames` and `userTenants` together are refused: the Python SDK documents them as "mutually
 * exclusive" and the .NET integration tests note "cannot include roleNames when userTenants is
 * set". The code Descope answers with is not published; E011003 is the emulator's stand-in.
 */
export function userFields(body: Body, context: EmulatorContext): Partial<EmulatorUser> {
  const roleNames = knownRoles(optionalStringArray(body, 'roleNames') ?? [], context);
  const userTenants = tenantsOf(body, context);
  if (roleNames.length && userTenants.length) {
    throw EmulatorErrors.invalidRequest('"roleNames" and "userTenants" are mutually exclusive');
  }
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
    roleNames,
    userTenants,
    customAttributes: optionalObject(body, 'customAttributes') ?? {},
  };
}

/** The user a management call names by `loginId` or `userId`; 404 E112102 when there is none. */
export function findUser(body: Body, context: EmulatorContext): EmulatorUser {
  const id = optionalString(body, 'loginId') ?? requiredString(body, 'userId');
  const user = context.store.findByLoginIdOrUserId(id);
  if (!user) throw EmulatorErrors.mgmtUserNotFound();
  return user;
}
