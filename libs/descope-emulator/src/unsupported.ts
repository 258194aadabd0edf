/**
 * Descope API families the emulator does not implement, by path prefix (from the paths in
 * core-js-sdk `constants/apiPaths.ts`, the Go SDK's `api/client.go` and Descope's OpenAPI files).
 * A call to one answers 404 naming the family, rather than a bare "no route".
 */
const UNSUPPORTED: [prefix: string, family: string][] = [
  ['/v1/auth/otp/signin/im', 'OTP over the "im" channel'],
  ['/v1/auth/otp/signup/im', 'OTP over the "im" channel'],
  ['/v1/auth/otp/signup-in/im', 'OTP over the "im" channel'],
  ['/v1/auth/otp/verify/im', 'OTP over the "im" channel'],
  ['/v1/auth/otp/update/phone/im', 'OTP over the "im" channel'],
  ['/v1/auth/magiclink/', 'magic links (only /v1/auth/magiclink/verify, for reset links)'],
  ['/v1/auth/enchantedlink/', 'enchanted links'],
  ['/v1/auth/notp/', 'nOTP (WhatsApp)'],
  ['/v1/auth/webauthn/', 'WebAuthn / passkeys'],
  ['/v1/auth/oauth/', 'OAuth (social login)'],
  ['/v1/auth/onetap/', 'Google One Tap'],
  ['/v1/auth/fedcm/', 'FedCM'],
  ['/v1/auth/sso/', 'SSO'],
  ['/v1/auth/saml/', 'SAML'],
  ['/v1/auth/idp/', 'IdP'],
  ['/v1/auth/push/', 'push authentication'],
  ['/v1/auth/recovery-codes/', 'recovery codes'],
  ['/v1/auth/security-questions/', 'security questions'],
  ['/v1/auth/accesskey/', 'access keys'],
  ['/v1/auth/exchange', 'token exchange'],
  ['/v1/auth/try-refresh', 'try-refresh'],
  ['/v1/auth/me/history', 'sign-in history'],
  ['/v1/flow/', 'flows'],
];

/** The family of Descope's API a path belongs to, when the emulator does not implement it. */
export function unsupportedFamily(path: string): string | undefined {
  return UNSUPPORTED.find(([prefix]) => path.startsWith(prefix))?.[1];
}
