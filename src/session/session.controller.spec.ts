import { badFields, controllerApp, ControllerApp } from '../../test/support/controller-app';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';

const AUTH = { sessionJwt: 's.s.s', sessionExpiresAt: 2e9 };

describe('SessionController', () => {
  let c: ControllerApp;
  const service = {
    validate: jest.fn().mockResolvedValue({ userId: 'U1' }),
    refresh: jest.fn().mockResolvedValue(AUTH),
    selectTenant: jest.fn().mockResolvedValue(AUTH),
    logout: jest.fn().mockResolvedValue(undefined),
    logoutAll: jest.fn().mockResolvedValue(undefined),
    me: jest.fn().mockResolvedValue({ userId: 'U1' }),
  };

  beforeAll(async () => {
    c = await controllerApp(SessionController, [{ provide: SessionService, useValue: service }]);
  });
  afterAll(() => c.close());

  it.each([
    ['GET', '', undefined, 200],
    ['POST', '/validate', { sessionJwt: 'a.b.c', roles: ['admin'], tenant: 'acme' }, 200],
    ['POST', '/refresh', undefined, 200],
    ['POST', '/tenant', { tenant: 'acme' }, 200],
    ['POST', '/logout', undefined, 204],
    ['POST', '/logout-all', undefined, 204],
    ['GET', '/me', undefined, 200],
  ])('%s /v1/session%s with %j answers %i', async (method, route, body, status) => {
    expect((await c.send(method, `/v1/session${route}`, body)).status).toBe(status);
  });

  it('answers the session the guard verified, without its JWT', async () => {
    const { body } = await c.send('GET', '/v1/session');
    expect(body).toMatchObject({ userId: 'U1' });
    expect(body).not.toHaveProperty('jwt');
  });

  it.each([
    ['/validate', {}, 'sessionJwt'],
    ['/validate', { sessionJwt: 'a.b.c', roles: 'admin' }, 'roles'],
    ['/validate', { sessionJwt: 'a.b.c', permissions: [1] }, 'permissions'],
    ['/validate', { sessionJwt: 'a.b.c', tenant: '' }, 'tenant'],
    ['/tenant', { tenant: 7 }, 'tenant'],
    ['/tenant', {}, 'tenant'],
  ])('POST /v1/session%s refuses %j, naming %s', async (route, body, field) => {
    const response = await c.send('POST', `/v1/session${route}`, body);
    expect([response.status, response.body.code]).toEqual([400, 'invalid_request']);
    expect(badFields(response.body)).toContain(field);
  });
});
