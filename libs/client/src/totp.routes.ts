import { stepUpBearer } from './otp.routes';
import type { Transport } from './transport';
import type { AuthResponse, Schemas, TotpEnrolment } from './types';

/** `/v1/totp/*`: authenticator apps. */
export interface TotpRoutes {
  /** Enrols a new user's app; the user exists from the first right code on. */
  signUp(body: Schemas['TotpSignUpDto']): Promise<TotpEnrolment>;
  /** A session for a code (kept); with `loginOptions.stepup`/`.mfa` it raises the held one. */
  verify(body: Schemas['TotpVerifyDto']): Promise<AuthResponse>;
  /** Adds (or replaces) the app of the held refresh token's user. */
  update(body: Schemas['TotpUpdateDto']): Promise<TotpEnrolment>;
}

export function totpRoutes(t: Transport): TotpRoutes {
  return {
    signUp: (body) => t.send({}, (init) => t.api.POST('/v1/totp/signup', { ...init, body })),
    verify: (body) =>
      t.send({ device: true, issues: true, bearer: stepUpBearer(body) }, (init) =>
        t.api.POST('/v1/totp/verify', { ...init, body }),
      ),
    update: (body) =>
      t.send({ bearer: 'refresh' }, (init) => t.api.POST('/v1/totp/update', { ...init, body })),
  };
}
