/*
 * Masks like Descope's answers (`maskedEmail`, `maskedPhone`), for the answers the service makes
 * up itself so that they look like real ones (OTP sign-in of an unknown user).
 */

/** `a***@example.com`; a login id that is no email address gets a generic mask. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 1 ? `${email[0] ?? '*'}***@***` : `${email[0]}***${email.slice(at)}`;
}

/** `+*******4567`: only the last four digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}
