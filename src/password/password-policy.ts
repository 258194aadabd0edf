import { PasswordPolicyResponseDto } from './dto/password-policy-response.dto';

/**
 * The rules of Descope's policy a password breaks, in words a caller can act on.
 * Mirrors `policyViolations` in libs/descope-emulator/src/passwords.ts (docs/architecture.md).
 */
export function policyViolations(password: string, policy: PasswordPolicyResponseDto): string[] {
  const checks: [boolean | undefined, boolean, string][] = [
    [true, password.length >= (policy.minLength ?? 0), `at least ${policy.minLength} characters`],
    [policy.lowercase, /[a-z]/.test(password), 'a lowercase letter'],
    [policy.uppercase, /[A-Z]/.test(password), 'an uppercase letter'],
    [policy.number, /[0-9]/.test(password), 'a number'],
    [policy.nonAlphanumeric, /[^A-Za-z0-9]/.test(password), 'a non-alphanumeric character'],
  ];
  return checks.filter(([applies, ok]) => applies && !ok).map(([, , rule]) => rule);
}
