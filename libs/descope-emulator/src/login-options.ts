import { SessionContext } from './refresh-tokens';
import { optionalBoolean, optionalObject } from './request-fields';

type Body = Record<string, unknown>;

/** The request's `loginOptions` object (empty when absent). */
const loginOptionsOf = (body: Body) => optionalObject(body, 'loginOptions') ?? {};

/** `loginOptions.customClaims`, to be carried into the session token. */
export const customClaimsOf = (body: Body) => optionalObject(loginOptionsOf(body), 'customClaims');

/**
 * `loginOptions.revokeOtherSessions`: the sign-in ends the user's other refresh tokens (Descope's
 * LoginOptions in core-js sdk/types.ts; its session docs: "revoke all other active sessions").
 */
export const revokesOthers = (body: Body) =>
  optionalBoolean(loginOptionsOf(body), 'revokeOtherSessions') === true;

/** How a sign-in raises the session of the request's refresh token, if it does. */
export type Raise = 'stepup' | 'mfa';

/** `loginOptions.stepup` or `.mfa`: the sign-in raises the session of the request's refresh token. */
export function raiseOf(body: Body): Raise | undefined {
  const options = loginOptionsOf(body);
  if (optionalBoolean(options, 'stepup')) return 'stepup';
  return optionalBoolean(options, 'mfa') ? 'mfa' : undefined;
}

/** The session being raised and how. */
export interface Raised {
  from: SessionContext;
  kind: Raise;
}

/**
 * The session a sign-in by `method` starts, or the one it makes of a raised session. Descope's
 * session-management docs: `mfa` in `amr` means "two or more unique authentication methods";
 * its step-up docs: a step-up sets `su: true`. A raise keeps the earlier tenant and claims.
 */
export function sessionAfter(
  method: string,
  raised: Raised | undefined,
  customClaims: Record<string, unknown> | undefined,
): SessionContext {
  if (!raised) return { amr: [method], customClaims };
  const { from, kind } = raised;
  const factors = new Set([...from.amr.filter((m) => m !== 'mfa'), method]);
  return {
    amr: factors.size > 1 ? [...factors, 'mfa'] : [...factors],
    dct: from.dct,
    customClaims: customClaims ?? from.customClaims,
    ...(kind === 'stepup' || from.su ? { su: true } : {}),
  };
}
