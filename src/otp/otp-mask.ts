import { createHash } from 'node:crypto';
import { isEmail } from 'class-validator';
import { E164 } from '../common/validators';

/*
 * Masks like Descope's answers (`maskedEmail`, `maskedPhone`), for the answers the service makes
 * up itself so that they look like real ones (OTP sign-in of an unknown user).
 */

const COMMON_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com'];

/** `a***@example.com`. */
export const maskEmail = (email: string) => `${email[0]}***${email.slice(email.lastIndexOf('@'))}`;

/** `+*******4567`: only the last four digits stay. Mirrors the emulator's `maskPhone`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

/**
 * The mask a channel would show for a login id, made up when the login id is not an address of
 * that channel: stable for the same login id (a repeat does not give it away) and shaped like a
 * real one. Best effort: someone who knows a user's real address can still compare.
 */
export function plausibleMask(channel: 'email' | 'phone', loginId: string): string {
  if (channel === 'email' && isEmail(loginId)) return maskEmail(loginId);
  if (channel === 'phone' && E164.test(loginId)) return maskPhone(loginId);
  const digest = createHash('sha256').update(loginId).digest();
  if (channel === 'email')
    return `${loginId[0]}***@${COMMON_DOMAINS[digest[0] % COMMON_DOMAINS.length]}`;
  return maskPhone(`+1555${digest.readUInt32BE(0).toString().slice(-7).padStart(7, '0')}`);
}
