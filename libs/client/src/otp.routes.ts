import type { Transport } from './transport';
import type { AuthResponse, MaskedAddress, OtpMethod, PhoneMethod, Schemas } from './types';

/**
 * `/v1/otp/*`: a send answers 202 and the code goes out of band; `verify` exchanges it for a
 * session (kept). The updates need the held refresh token of the user's own session.
 */
export interface OtpRoutes {
  signUp(method: OtpMethod, body: Schemas['OtpSignUpDto']): Promise<MaskedAddress>;
  /** With `loginOptions.stepup` or `.mfa`, sends the held refresh token: the session to raise. */
  signIn(method: OtpMethod, body: Schemas['OtpSignInDto']): Promise<MaskedAddress>;
  signUpOrIn(method: OtpMethod, body: Schemas['OtpSignUpInDto']): Promise<MaskedAddress>;
  verify(method: OtpMethod, body: Schemas['OtpVerifyDto']): Promise<AuthResponse>;
  updateEmail(body: Schemas['OtpUpdateEmailDto']): Promise<MaskedAddress>;
  updatePhone(method: PhoneMethod, body: Schemas['OtpUpdatePhoneDto']): Promise<MaskedAddress>;
}

/** Step-up and MFA raise the session being held, so they send its refresh token; else none. */
export const stepUpBearer = ({ loginOptions }: Schemas['OtpSignInDto']) =>
  loginOptions?.stepup || loginOptions?.mfa ? ('refresh' as const) : undefined;

const path = <M extends OtpMethod>(method: M) => ({ path: { method } });

export function otpRoutes(t: Transport): OtpRoutes {
  return {
    signUp: (method, body) =>
      t.send({ device: true }, (init) =>
        t.api.POST('/v1/otp/signup/{method}', { ...init, params: path(method), body }),
      ),
    signIn: (method, body) =>
      t.send({ device: true, bearer: stepUpBearer(body) }, (init) =>
        t.api.POST('/v1/otp/signin/{method}', { ...init, params: path(method), body }),
      ),
    signUpOrIn: (method, body) =>
      t.send({ device: true }, (init) =>
        t.api.POST('/v1/otp/signup-in/{method}', { ...init, params: path(method), body }),
      ),
    verify: (method, body) =>
      t.send({ device: true, issues: true }, (init) =>
        t.api.POST('/v1/otp/verify/{method}', { ...init, params: path(method), body }),
      ),
    updateEmail: (body) =>
      t.send({ device: true, bearer: 'refresh' }, (init) =>
        t.api.POST('/v1/otp/update/email', { ...init, body }),
      ),
    updatePhone: (method, body) =>
      t.send({ device: true, bearer: 'refresh' }, (init) =>
        t.api.POST('/v1/otp/update/phone/{method}', { ...init, params: path(method), body }),
      ),
  };
}
