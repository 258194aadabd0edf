import { EmulatorContext } from './context';
import { EmulatorErrors } from './errors';
import { loginIdKey } from './login-id';
import { decoyHash, verifyPassword } from './passwords';
import { EmulatorUser } from './store-records';

const DAY_MS = 24 * 3600 * 1000;

/** Stores a new password hash: its age starts now, and an expiry is lifted. */
export function setPassword(user: EmulatorUser, hash: string, now = Date.now()): void {
  Object.assign(user, { passwordHash: hash, passwordSetAt: now, passwordExpired: false });
}

/**
 * Expired by the management API (`expirePassword`), or older than `maxAgeDays` (0: never), as a
 * Descope project's password `expiration` / `expirationWeeks` settings do.
 */
export function isPasswordExpired(user: EmulatorUser, maxAgeDays: number, now = Date.now()) {
  if (user.passwordExpired) return true;
  const setAt = user.passwordSetAt ?? user.createdTime * 1000;
  return maxAgeDays > 0 && now - setAt > maxAgeDays * DAY_MS;
}

/**
 * Checks a login id's password, as Descope answers (descope-answers.ts): an unknown user E062108,
 * a wrong password E062903, a locked account (lock-out on) a stand-in E990003, an expired password
 * E062909 only once the password is right (inferred). With `maskErrors` (Descope's
 * "Hide sensitive error information") every failure answers as a wrong password. `allowExpired`:
 * replace, the way out of an expired password.
 */
export async function checkPassword(
  context: EmulatorContext,
  loginId: string,
  password: string,
  allowExpired = false,
): Promise<EmulatorUser> {
  const key = loginIdKey(loginId);
  const user = context.store.findByLoginId(loginId);
  // The same scrypt work whether or not the account exists: the timing tells nothing.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  const locked = context.signInFailures.retryAfter(key) > 0;
  if (!user || !valid || locked) {
    context.signInFailures.hit(key);
    if (context.options.maskErrors) throw EmulatorErrors.wrongPassword();
    if (!user) throw EmulatorErrors.userNotFound();
    throw locked ? EmulatorErrors.accountLocked() : EmulatorErrors.wrongPassword();
  }
  context.signInFailures.reset(key);
  if (!allowExpired && isPasswordExpired(user, context.options.passwordMaxAgeDays)) {
    throw EmulatorErrors.passwordExpired();
  }
  return user;
}
