import { EmulatorContext, OtpIntent } from '../context';
import { EmulatorErrors } from '../errors';
import { maskEmail, maskPhone } from '../mask';
import { OtpChannel, OtpPurpose } from '../otp-codes';
import { EmulatorRequest } from '../route';
import { EmulatorUser } from '../store-records';
import { unsupportedFamily } from '../unsupported';

const CHANNELS: OtpChannel[] = ['email', 'sms', 'voice', 'whatsapp'];

/** The `:method` of an OTP route; `phoneOnly` for phone updates. */
export function channelOf({ params, path }: EmulatorRequest, phoneOnly = false): OtpChannel {
  const family = unsupportedFamily(path);
  if (family) throw EmulatorErrors.notFound(path, family);
  const channel = params.method as OtpChannel;
  if (!CHANNELS.includes(channel) || (phoneOnly && channel === 'email')) {
    throw EmulatorErrors.invalidRequest(`Unsupported delivery method "${params.method}"`);
  }
  return channel;
}

/** Descope's answer to a send: where the code went, masked. */
export const masked = (channel: OtpChannel, address: string) =>
  channel === 'email' ? { maskedEmail: maskEmail(address) } : { maskedPhone: maskPhone(address) };

/** Where a channel delivers for a user: the email for email, the phone otherwise. */
export function addressOf(user: Partial<EmulatorUser>, channel: OtpChannel): string {
  const address = channel === 'email' ? user.email : user.phone;
  if (!address) {
    const kind = channel === 'email' ? 'email' : 'phone';
    throw EmulatorErrors.invalidArguments(`The user has no ${kind}`);
  }
  return address;
}

/** Issues a code for what verifying it will do, and "sends" it to the outbox. */
export function sendCode(
  context: EmulatorContext,
  delivery: { loginId: string; channel: OtpChannel; to: string; purpose: OtpPurpose },
  intent: OtpIntent,
) {
  const { loginId, channel, to, purpose } = delivery;
  const code = context.otpCodes.issue(loginId, channel, purpose, intent);
  context.outbox.deliver({ channel, loginId, to, kind: purpose, code });
  return masked(channel, to);
}
