import { createHash } from 'node:crypto';

/**
 * What one revocation ends. Times are Unix seconds, as in JWT claims; `until` is when the entry
 * can be dropped because no token it refuses can still be unexpired.
 * - `user`: every token of `sub` issued (`iat`) before `notBefore` (logout-all, password reset,
 *   `revokeOtherSessions`, refresh reuse).
 * - `family`: the sessions minted from one refresh token up to the logout: the sessions whose
 *   `rexp` is that refresh token's `exp`, issued before `notBefore` (logout). Two refresh tokens
 *   of one user minted in the same second share an `exp`, so a logout of one also ends the
 *   other's sessions issued so far (the other refresh token still works: its next session lives).
 * - `token`: one exact token, by the SHA-256 of its text (the session a logout request carried).
 */
export type Revocation =
  | { type: 'user'; sub: string; notBefore: number; until: number }
  | { type: 'family'; sub: string; rexp: number; notBefore: number; until: number }
  | { type: 'token'; sub: string; hash: string; until: number };

const MAX_SUB = 512;
const HASH = /^[A-Za-z0-9_-]{43}$/;
const seconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The key a `token` revocation (and the refresh coalescer) names a token by: the SHA-256 of its
 * signed part (`header.payload`), not of its whole text, so another valid spelling of the same
 * signature (an ECDSA signature's other `s`) is still the same token.
 */
export const tokenHash = (jwt: string): string =>
  createHash('sha256')
    .update(jwt.slice(0, Math.max(0, jwt.lastIndexOf('.'))))
    .digest('base64url');

/** Now, in Unix seconds (the unit of every time in a revocation). */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The one text form of a revocation (Redis members and channel messages). */
export function encodeRevocation(revocation: Revocation): string {
  const { type, sub, until } = revocation;
  if (type === 'user') return JSON.stringify({ type, sub, notBefore: revocation.notBefore, until });
  if (type === 'family') {
    const { rexp, notBefore } = revocation;
    return JSON.stringify({ type, sub, rexp, notBefore, until });
  }
  return JSON.stringify({ type, sub, hash: revocation.hash, until });
}

/** A revocation read back from Redis, or undefined when the text is not one (never throws). */
export function parseRevocation(text: string): Revocation | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { type, sub, until } = value ?? {};
  if (typeof sub !== 'string' || !sub || sub.length > MAX_SUB || !seconds(until)) return undefined;
  if (type === 'user' && seconds(value.notBefore)) {
    return { type, sub, notBefore: value.notBefore, until };
  }
  if (type === 'family' && seconds(value.rexp) && seconds(value.notBefore)) {
    return { type, sub, rexp: value.rexp, notBefore: value.notBefore, until };
  }
  if (type === 'token' && typeof value.hash === 'string' && HASH.test(value.hash)) {
    return { type, sub, hash: value.hash, until };
  }
  return undefined;
}

/**
 * The refresh token's `exp` a session descends from: Descope's `rexp` claim (an ISO-8601 UTC
 * string in its docs, a number accepted too). Refresh tokens have none: Descope itself refuses a
 * logged-out refresh token.
 */
export function familyOf(claims: Record<string, unknown>, kind: 'session' | 'refresh') {
  if (kind === 'refresh') return undefined;
  const { rexp } = claims;
  const value = typeof rexp === 'string' ? Date.parse(rexp) / 1000 : rexp;
  return typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : undefined;
}
