import { isEmail } from 'class-validator';
import { ProblemError } from '../problems/problem.error';
import { deliversByEmail, OtpChannel } from '../common/otp-channels';
import { E164 } from '../common/validators';

/**
 * The address a sign-up code goes to: `user.email` / `user.phone` when given, else the login id,
 * which must then be an email address (email) or an E.164 number (sms, voice, whatsapp).
 */
export function checkAddress(
  method: OtpChannel,
  loginId: string,
  user?: { email?: string; phone?: string },
): string {
  const byEmail = deliversByEmail(method);
  const given = byEmail ? user?.email : user?.phone;
  if (given) return given;
  const ok = byEmail ? isEmail(loginId) : E164.test(loginId);
  if (ok) return loginId;
  const wanted = byEmail ? 'an email address' : 'an E.164 phone number such as +14155550100';
  const alternative = byEmail ? 'user.email' : 'user.phone';
  throw new ProblemError('invalid_request', `loginId must be ${wanted} for method ${method}`, {
    errors: [
      {
        field: 'loginId',
        message: `loginId must be ${wanted} for method ${method} (or give ${alternative} on sign-up)`,
      },
    ],
  });
}
