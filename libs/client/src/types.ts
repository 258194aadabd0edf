import type { components } from './schema';

/** Every schema of openapi.json by its name there, e.g. `Schemas['PasswordSignInDto']`. */
export type Schemas = components['schemas'];

/** What every route that authenticates a user answers (docs/api.md, "Tokens out"). */
export type AuthResponse = Schemas['AuthResponseDto'];
/** The session a session token stands for (`GET /v1/session`, `POST /v1/session/validate`). */
export type Session = Schemas['SessionResponseDto'];
/** The user behind a refresh token (`GET /v1/session/me`). */
export type User = Schemas['UserResponseDto'];
/** An OTP send's answer: where the code went, masked (left out when the login id is no address). */
export type MaskedAddress = Schemas['MaskedAddressResponseDto'];
/** A TOTP enrolment: the key, its otpauth:// URL and a QR code of it (base64 PNG). */
export type TotpEnrolment = Schemas['TotpEnrolmentResponseDto'];
export type PasswordPolicy = Schemas['PasswordPolicyResponseDto'];
/** A reset link request's answer, the same whether or not the account exists. */
export type Accepted = Schemas['AcceptedResponseDto'];
/** RFC 9457 problem details: the body of every error answer. */
export type Problem = Schemas['ProblemDto'];
/** The OTP channels a code can go out on (`{method}` in the OTP paths). */
export type OtpMethod = 'email' | 'sms' | 'voice' | 'whatsapp';
/** The channels a phone update can use. */
export type PhoneMethod = Exclude<OtpMethod, 'email'>;

/**
 * The health probes' answer. openapi.json gives these routes an example and no schema, so their
 * generated type is `unknown`; this is the shape the service has always answered.
 */
export interface HealthStatus {
  status: string;
}
