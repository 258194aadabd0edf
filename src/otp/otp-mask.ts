import { isEmail } from 'class-validator';
import { deliversByEmail, OtpChannel } from '../common/otp-channels';
import { E164 } from '../common/validators';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';

/** `a***@example.com`. */
export const maskEmail = (email: string) => `${email[0]}***${email.slice(email.lastIndexOf('@'))}`;

/** `+*******4567`: only the last four digits stay. Mirrors the emulator's `maskPhone`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

/**
 * Where a code went, from the login id alone and by one rule whether or not the account exists:
 * the login id masked when it is an address of the channel's kind (an email on `email`, an E.164
 * number on a phone channel), nothing otherwise. Descope's own mask would show a username's real
 * domain for a known user only, and so tell which accounts exist.
 */
export function maskOf(method: OtpChannel, loginId: string): MaskedAddressResponseDto {
  if (deliversByEmail(method)) return isEmail(loginId) ? { maskedAddress: maskEmail(loginId) } : {};
  return E164.test(loginId) ? { maskedAddress: maskPhone(loginId) } : {};
}
