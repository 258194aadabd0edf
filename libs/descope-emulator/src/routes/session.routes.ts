import { createHash } from 'node:crypto';
import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { optionalBoolean, optionalStringArray, requiredString } from '../request-fields';
import { EmulatorRequest, Reply, route, Route } from '../route';
import { currentTenantOf } from '../token-issuer';
import { toUserResponse } from '../user-response';

const refresh = ({ token }: EmulatorRequest, context: EmulatorContext) =>
  context.tokens.refresh(context.refreshTokens.verify(token));

function selectTenant({ body, token }: EmulatorRequest, context: EmulatorContext) {
  const tenant = requiredString(body, 'tenant');
  const record = context.refreshTokens.verify(token);
  const user = context.refreshTokens.userOf(record);
  if (!user.userTenants.some(({ tenantId }) => tenantId === tenant)) {
    throw EmulatorErrors.invalidArguments(`The user is not a member of tenant "${tenant}"`);
  }
  return context.tokens.refresh(record, { dct: tenant });
}

function logout({ token }: EmulatorRequest, context: EmulatorContext) {
  context.refreshTokens.revoke(context.refreshTokens.verify(token));
  return {};
}

function logoutAll({ token }: EmulatorRequest, context: EmulatorContext) {
  context.refreshTokens.revokeAll(context.refreshTokens.verify(token).userId);
  return {};
}

function me({ token }: EmulatorRequest, context: EmulatorContext) {
  const user = context.refreshTokens.userOf(context.refreshTokens.verify(token));
  return toUserResponse(user, context.store);
}

function myTenants({ body, token }: EmulatorRequest, context: EmulatorContext) {
  const record = context.refreshTokens.verify(token);
  const user = context.refreshTokens.userOf(record);
  const ids = optionalStringArray(body, 'ids');
  const wanted = optionalBoolean(body, 'dct') ? [currentTenantOf(user, record.dct)] : ids;
  const tenants = user.userTenants
    .filter(({ tenantId }) => !wanted || wanted.includes(tenantId))
    .map(({ tenantId }) => ({
      id: tenantId,
      name: context.store.findTenant(tenantId)?.name ?? '',
    }));
  return { tenants };
}

/** The key set, with an `ETag`; a matching `If-None-Match` gets 304 and no body. */
function jwks({ params, headers }: EmulatorRequest, context: EmulatorContext) {
  if (params.projectId !== context.options.projectId) {
    throw EmulatorErrors.invalidArguments('Unknown project id');
  }
  const body = context.keys.jwks();
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url')}"`;
  if (headers['if-none-match'] === etag) return new Reply(304, undefined, { etag });
  return new Reply(200, body, { etag });
}

/** Refresh, logout, me, tenant selection and the JWKS. */
export const sessionRoutes: Route[] = [
  route('POST', '/v1/auth/refresh', refresh),
  route('POST', '/v1/auth/tenant/select', selectTenant),
  route('POST', '/v1/auth/logout', logout),
  route('POST', '/v1/auth/logoutall', logoutAll),
  route('GET', '/v1/auth/me', me),
  route('POST', '/v1/auth/me/tenants', myTenants),
  route('GET', '/v2/keys/:projectId', jwks, 'open'),
];
