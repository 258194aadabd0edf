import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { PasswordPolicy } from './emulator-options';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/** `scrypt$<salt>$<hash>`, both base64url; scrypt from node:crypto, no native addon. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

let decoy: Promise<string> | undefined;

/**
 * A hash no password matches, checked for login ids with no password (unknown users too), so
 * a sign-in costs the same scrypt work whether or not the account exists.
 */
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(32).toString('base64')));

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * Every rule of the policy the password breaks, in words; empty when it complies.
 * Mirrored by `policyViolations` in src/password/password-policy.ts (docs/architecture.md).
 */
export function policyViolations(password: string, policy: PasswordPolicy): string[] {
  const rules: [boolean, string][] = [
    [password.length >= policy.minLength, `at least ${policy.minLength} characters`],
    [!policy.lowercase || /[a-z]/.test(password), 'a lowercase letter'],
    [!policy.uppercase || /[A-Z]/.test(password), 'an uppercase letter'],
    [!policy.number || /[0-9]/.test(password), 'a number'],
    [!policy.nonAlphanumeric || /[^A-Za-z0-9]/.test(password), 'a non-alphanumeric character'],
  ];
  return rules.filter(([ok]) => !ok).map(([, rule]) => rule);
}
