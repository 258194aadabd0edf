import { isDescopeRefusal } from '@app/descope';
import { ProblemError } from '../problems/problem.error';
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

/**
 * When Descope refuses a new password (a 400, whatever its code: E062904 is only the emulator's),
 * the answer names the rules it breaks, read from the policy: `weak_password` with them, or the
 * original refusal when the password keeps every rule (the refusal was about something else).
 */
export async function explainRefusedPassword(
  error: unknown,
  password: string,
  field: string,
  policy: () => Promise<PasswordPolicyResponseDto>,
): Promise<never> {
  if (!isDescopeRefusal(error) || error.status !== 400) throw error;
  const broken = policyViolations(password, await policy().catch(() => ({}) as never));
  if (!broken.length) throw error;
  const needs = `needs ${broken.join(', ')}`;
  throw new ProblemError('weak_password', `The password ${needs}`, {
    errors: [{ field, message: needs }],
  });
}
