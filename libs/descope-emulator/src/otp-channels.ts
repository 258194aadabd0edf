/**
 * The channels the emulator sends one-time codes by, each with the kind of address it delivers
 * to: its one list, read by the OTP routes' `:method`, the pending codes and the outbox. It
 * mirrors the service's `src/common/otp-channels.ts` (a library never imports the service).
 */
export const OTP_CHANNELS = {
  email: 'email',
  sms: 'phone',
  voice: 'phone',
  whatsapp: 'phone',
} as const satisfies Record<string, 'email' | 'phone'>;

export type OtpChannel = keyof typeof OTP_CHANNELS;

/**
 * The `amr` value of a session a channel's code opened. Descope documents `email`, `sms` and
 * `whatsapp` (docs.descope.com/session-management) and no value for a voice call; a voice code is
 * a phone factor like SMS, so it reads `sms` (inferred; docs/descope-wire.md §4).
 */
const AMR: Record<OtpChannel, string> = {
  email: 'email',
  sms: 'sms',
  voice: 'sms',
  whatsapp: 'whatsapp',
};

export const amrOf = (channel: OtpChannel): string => AMR[channel];

/** The user field a channel delivers to. */
export const addressFieldOf = (channel: OtpChannel): 'email' | 'phone' => OTP_CHANNELS[channel];

/** `value` names a channel (a route's `:method` is whatever the client sent). */
export const isOtpChannel = (value: string): value is OtpChannel =>
  Object.hasOwn(OTP_CHANNELS, value);
