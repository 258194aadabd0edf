import { isEmail, isPhone } from './mask';
import { optionalString } from './request-fields';
import { EmulatorUser } from './store-records';

/**
 * Contact and name fields for a new user (password, OTP and TOTP sign-up): from the request's
 * `user` object, with the login id itself as the email or phone when it is one.
 */
export function contactFields(
  loginId: string,
  user: Record<string, unknown> = {},
): Partial<EmulatorUser> {
  const email = optionalString(user, 'email') ?? (isEmail(loginId) ? loginId : undefined);
  const phone = optionalString(user, 'phone') ?? (isPhone(loginId) ? loginId : undefined);
  return {
    email,
    phone,
    name: optionalString(user, 'name'),
    givenName: optionalString(user, 'givenName'),
    middleName: optionalString(user, 'middleName'),
    familyName: optionalString(user, 'familyName'),
  };
}
