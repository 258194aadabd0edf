/** `j***@example.com`, the way Descope shows where a message went. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** `+*******4567`: only the last four digits stay. Mirrored by src/otp/otp-mask.ts. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** E.164 as the SDK checks it; mirrors `E164` in src/common/validators.ts. */
const E164 = /^\+[1-9][0-9]{3,14}$/;

export const isEmail = (value: string) => EMAIL.test(value);
export const isPhone = (value: string) => E164.test(value);
