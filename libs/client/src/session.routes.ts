import type { Transport } from './transport';
import type { AuthResponse, Schemas, Session, User } from './types';

/**
 * `/v1/session/*`. `current` sends the held session token; the others but `validate` the held
 * refresh token, as a bearer (the service reads the DSR cookie first, which a service never has).
 */
export interface SessionRoutes {
  current(): Promise<Session>;
  /** Checks any session token, e.g. one a caller of your service sent, with optional grants. */
  validate(body: Schemas['SessionValidateDto']): Promise<Session>;
  /** A new session token (and a new refresh token when Descope rotates them), kept. */
  refresh(): Promise<AuthResponse>;
  /** A session whose `dct` claim is this tenant, kept. */
  selectTenant(body: Schemas['SessionTenantDto']): Promise<AuthResponse>;
  me(): Promise<User>;
  /** Ends this session and forgets its tokens; the device token stays valid. */
  logout(): Promise<void>;
  /** Ends every session and device token of the user, and forgets them. */
  logoutAll(): Promise<void>;
}

export function sessionRoutes(t: Transport): SessionRoutes {
  return {
    current: () => t.send({ bearer: 'session' }, (init) => t.api.GET('/v1/session', init)),
    validate: (body) => t.send({}, (init) => t.api.POST('/v1/session/validate', { ...init, body })),
    refresh: () =>
      t.send({ bearer: 'refresh', issues: true }, (init) =>
        t.api.POST('/v1/session/refresh', init),
      ),
    selectTenant: (body) =>
      t.send({ bearer: 'refresh', issues: true }, (init) =>
        t.api.POST('/v1/session/tenant', { ...init, body }),
      ),
    me: () => t.send({ bearer: 'refresh' }, (init) => t.api.GET('/v1/session/me', init)),
    logout: async () => {
      await t.send({ bearer: 'refresh' }, (init) => t.api.POST('/v1/session/logout', init));
      t.tokens.forget('sessionJwt', 'refreshJwt');
    },
    logoutAll: async () => {
      await t.send({ bearer: 'refresh' }, (init) => t.api.POST('/v1/session/logout-all', init));
      t.tokens.forget('sessionJwt', 'refreshJwt', 'deviceToken');
    },
  };
}
