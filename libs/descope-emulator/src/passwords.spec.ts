import { DEFAULT_PASSWORD_POLICY } from './emulator-options';
import { hashPassword, policyViolations, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with scrypt and a random salt, never storing the password', async () => {
    const first = await hashPassword('Secret-Pass1');
    const second = await hashPassword('Secret-Pass1');
    expect(first).toMatch(/^scrypt\$[\w-]+\$[\w-]+$/);
    expect(first).not.toContain('Secret-Pass1');
    expect(first).not.toBe(second);
    await expect(verifyPassword('Secret-Pass1', first)).resolves.toBe(true);
    await expect(verifyPassword('Secret-Pass2', first)).resolves.toBe(false);
    await expect(verifyPassword('Secret-Pass1', 'plain')).resolves.toBe(false);
  });

  it('names every policy rule a password breaks', () => {
    expect(policyViolations('Abcdefg1', DEFAULT_PASSWORD_POLICY)).toEqual([]);
    expect(policyViolations('abc', DEFAULT_PASSWORD_POLICY)).toEqual([
      'at least 8 characters',
      'an uppercase letter',
      'a number',
    ]);
    const strict = { ...DEFAULT_PASSWORD_POLICY, nonAlphanumeric: true };
    expect(policyViolations('Abcdefg1', strict)).toEqual(['a non-alphanumeric character']);
  });
});
