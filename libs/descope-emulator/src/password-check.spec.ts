import { isPasswordExpired, setPassword } from './password-check';
import { EmulatorUser } from './store-records';

const DAY = 24 * 3600 * 1000;
const user = () => ({ createdTime: 0 }) as EmulatorUser;

describe('isPasswordExpired', () => {
  it('expires a password older than the maximum age, never with age 0', () => {
    const u = user();
    setPassword(u, 'hash', 10 * DAY);
    expect(isPasswordExpired(u, 30, 40 * DAY - 1)).toBe(false);
    expect(isPasswordExpired(u, 30, 40 * DAY + 1)).toBe(true);
    expect(isPasswordExpired(u, 0, 4000 * DAY)).toBe(false);
  });

  it('holds an expiry set by the management API until a new password is set', () => {
    const u = user();
    setPassword(u, 'hash', 0);
    u.passwordExpired = true;
    expect(isPasswordExpired(u, 0, 1)).toBe(true);
    setPassword(u, 'new', 2);
    expect(isPasswordExpired(u, 0, 3)).toBe(false);
  });
});
