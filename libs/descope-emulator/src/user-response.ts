import { EmulatorStore } from './store';
import { EmulatorUser } from './store-records';

/** Descope's `UserResponse` for a user: what `me`, sign-in and management calls return. */
export function toUserResponse(user: EmulatorUser, store: EmulatorStore): Record<string, unknown> {
  return {
    userId: user.userId,
    loginIds: [...user.loginIds],
    name: user.name ?? '',
    givenName: user.givenName ?? '',
    middleName: user.middleName ?? '',
    familyName: user.familyName ?? '',
    email: user.email ?? '',
    phone: user.phone ?? '',
    verifiedEmail: user.verifiedEmail,
    verifiedPhone: user.verifiedPhone,
    roleNames: [...user.roleNames],
    userTenants: user.userTenants.map(({ tenantId, roleNames }) => ({
      tenantId,
      roleNames: [...roleNames],
      tenantName: store.findTenant(tenantId)?.name ?? '',
    })),
    status: user.status,
    externalIds: [...user.loginIds],
    picture: user.picture ?? '',
    test: user.test,
    customAttributes: { ...user.customAttributes },
    createdTime: user.createdTime,
    TOTP: Boolean(user.totp),
    SAML: false,
    SCIM: false,
    OAuth: {},
    webauthn: false,
    password: Boolean(user.passwordHash),
    ssoAppIds: [],
    editable: true,
  };
}
