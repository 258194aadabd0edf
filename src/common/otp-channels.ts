/**
 * The channels a one-time code goes by, each with the kind of address it delivers to: the one
 * list that the OTP routes (their `:method` and its docs), the address checks and masks, the send
 * budgets and the audit events read. A new channel (one the SDK's `otp` methods know) is added
 * here; only texts that name the channels in words (route summaries, examples) need a look too.
 */
export const OTP_CHANNELS = {
  email: 'email',
  sms: 'phone',
  voice: 'phone',
  whatsapp: 'phone',
} as const satisfies Record<string, 'email' | 'phone'>;

export type OtpChannel = keyof typeof OTP_CHANNELS;

/** The channels that deliver to a phone number (the ones a phone update can use). */
export type PhoneChannel = {
  [C in OtpChannel]: (typeof OTP_CHANNELS)[C] extends 'phone' ? C : never;
}[OtpChannel];

export const ALL_CHANNELS = Object.keys(OTP_CHANNELS) as OtpChannel[];

export const PHONE_CHANNELS = ALL_CHANNELS.filter(
  (channel): channel is PhoneChannel => OTP_CHANNELS[channel] === 'phone',
);

/** Whether a channel delivers to an email address (else to a phone number). */
export const deliversByEmail = (channel: OtpChannel): boolean => OTP_CHANNELS[channel] === 'email';

/** `value` names a channel (a route parameter is whatever the client wrote). */
export const isOtpChannel = (value: string): value is OtpChannel =>
  Object.hasOwn(OTP_CHANNELS, value);
