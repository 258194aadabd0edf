import { EmulatorContext, OtpIntent } from '../context';
import { EmulatorErrors } from '../errors';
import { maskEmail, maskPhone } from '../mask';
import { addressFieldOf, isOtpChannel, OtpChannel } from '../otp-channels';
import { OtpPurpose } from '../otp-codes';
import { EmulatorRequest } from '../route';
import { EmulatorUser } from '../store-records';
import { unsupportedFamily } from '../unsupported';

/** The `:method` of an OTP route; `phoneOnly` for phone updates. */
export function channelOf({ params, path }: EmulatorRequest, phoneOnly = false): OtpChannel {
  const family = unsupportedFamily(path);
  if (family) throw EmulatorErrors.notFound(path, family);
  const channel = params.method;
  if (isOtpChannel(channel) && !(phoneOnly && addressFieldOf(channel) === 'email')) return channel;
  throw EmulatorErrors.invalidRequest(`Unsupported delivery method "${params.method}"`);
}

/** Descope's answer to a send: where the code went, masked. */
export const masked = (channel: OtpChannel, address: string) =>
  addressFieldOf(channel) === 'email'
    ? { maskedEmail: maskEmail(address) }
    : { maskedPhone: maskPhone(address) };

/** Where a channel delivers for a user: its email or its phone. */
export function addressOf(user: Partial<EmulatorUser>, channel: OtpChannel): string {
  const field = addressFieldOf(channel);
  const address = user[field];
  if (!address) throw EmulatorErrors.invalidArguments(`The user has no ${field}`);
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
