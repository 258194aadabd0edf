import { optionalBoolean, optionalObject } from './request-fields';

type Body = Record<string, unknown>;

/** The request's `loginOptions` object (empty when absent). */
const loginOptionsOf = (body: Body) => optionalObject(body, 'loginOptions') ?? {};

/** `loginOptions.customClaims`, to be carried into the session token. */
export const customClaimsOf = (body: Body) => optionalObject(loginOptionsOf(body), 'customClaims');

/** `loginOptions.stepup` or `.mfa`: the sign-in raises the session of the request's refresh token. */
export function isStepUp(body: Body): boolean {
  const options = loginOptionsOf(body);
  return Boolean(optionalBoolean(options, 'stepup') || optionalBoolean(options, 'mfa'));
}
