import { AppHarness } from './app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './emulator-harness';

/** Two password users; `mover` will ask to add `holder`'s login id to its own. */
export async function twoUsers(h: AppHarness) {
  const [mover, holder] = [uniqueEmail('mover'), uniqueEmail('holder')];
  const signUp = async (loginId: string) =>
    (await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } }))
      .body;
  return { mover, holder, moverAuth: await signUp(mover), holderAuth: await signUp(holder) };
}

/** Starts an email update with `body` and verifies the code it sent. */
export async function updateAndVerify(h: AppHarness, refreshJwt: string, body: object) {
  const { loginId } = body as { loginId: string };
  const sent = await h.api('POST', '/v1/otp/update/email', { bearer: refreshJwt, body });
  expect(sent.status).toBe(202);
  const [message] = await h.outbox(loginId);
  return h.api('POST', '/v1/otp/verify/email', { body: { loginId, code: message.code } });
}

/** The user's login ids as the management API sees them (404: the user is gone). */
export async function loginIdsOf(h: AppHarness, userId: string) {
  const { ok, data, code } = await h.management.management.user.loadByUserId(userId);
  return ok ? data!.loginIds : code;
}
