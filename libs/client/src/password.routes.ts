import type { Transport } from './transport';
import type { Accepted, AuthResponse, PasswordPolicy, Schemas } from './types';

/** `/v1/password/*`. The routes answering an AuthResponse keep its tokens in the client. */
export interface PasswordRoutes {
  signUp(body: Schemas['PasswordSignUpDto']): Promise<AuthResponse>;
  signIn(body: Schemas['PasswordSignInDto']): Promise<AuthResponse>;
  /** Proves the old password; answers a new session (other sessions end when asked to). */
  replace(body: Schemas['PasswordReplaceDto']): Promise<AuthResponse>;
  /** With the held refresh token; the user's device tokens end, so the held one is dropped. */
  update(body: Schemas['PasswordUpdateDto']): Promise<void>;
  /** 202 whether or not the account exists: the route does not reveal accounts. */
  sendReset(body: Schemas['PasswordResetDto']): Promise<Accepted>;
  /** `token` is the `t` query parameter of the emailed link. */
  completeReset(body: Schemas['PasswordResetCompleteDto']): Promise<AuthResponse>;
  policy(): Promise<PasswordPolicy>;
}

export function passwordRoutes(t: Transport): PasswordRoutes {
  return {
    signUp: (body) =>
      t.send({ issues: true }, (init) => t.api.POST('/v1/password/signup', { ...init, body })),
    signIn: (body) =>
      t.send({ issues: true, device: true }, (init) =>
        t.api.POST('/v1/password/signin', { ...init, body }),
      ),
    replace: (body) =>
      t.send({ issues: true, device: true }, (init) =>
        t.api.POST('/v1/password/replace', { ...init, body }),
      ),
    update: async (body) => {
      await t.send({ bearer: 'refresh' }, (init) =>
        t.api.POST('/v1/password/update', { ...init, body }),
      );
      t.tokens.forget('deviceToken');
    },
    sendReset: (body) =>
      t.send({ device: true }, (init) => t.api.POST('/v1/password/reset', { ...init, body })),
    completeReset: (body) =>
      t.send({ issues: true }, (init) =>
        t.api.POST('/v1/password/reset/complete', { ...init, body }),
      ),
    policy: () => t.send({}, (init) => t.api.GET('/v1/password/policy', init)),
  };
}
