import { AppHarness } from './app-harness';

/**
 * Verifies a password user's email the way the README shows: an OTP update of the email to the
 * same address, then the code. Descope sends reset links only to a verified email.
 */
export async function verifyEmail(h: AppHarness, loginId: string, refreshJwt: string) {
  const sent = await h.api('POST', '/v1/otp/update/email', {
    bearer: refreshJwt,
    body: { loginId, email: loginId },
  });
  expect(sent.status).toBe(202);
  const [message] = await h.outbox(loginId);
  const verified = await h.api('POST', '/v1/otp/verify/email', {
    body: { loginId, code: message.code },
  });
  expect([verified.status, verified.body.user?.verifiedEmail]).toEqual([200, true]);
  return verified;
}
