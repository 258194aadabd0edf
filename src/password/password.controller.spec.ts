import { badFields, controllerApp, ControllerApp } from '../../test/support/controller-app';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetService } from './password-reset.service';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';

const AUTH = { sessionJwt: 's.s.s', sessionExpiresAt: 2e9 };
const GOOD = 'Correct-Horse-9';

describe('PasswordController and PasswordResetController', () => {
  let c: ControllerApp;
  const service = {
    signUp: jest.fn().mockResolvedValue(AUTH),
    signIn: jest.fn().mockResolvedValue(AUTH),
    replace: jest.fn().mockResolvedValue(AUTH),
    update: jest.fn().mockResolvedValue(undefined),
    policy: jest.fn().mockResolvedValue({ minLength: 8 }),
  };
  const resets = {
    sendReset: jest.fn().mockResolvedValue({ message: 'ok' }),
    completeReset: jest.fn().mockResolvedValue(AUTH),
  };

  beforeAll(async () => {
    c = await controllerApp(
      [PasswordController, PasswordResetController],
      [
        { provide: PasswordService, useValue: service },
        { provide: PasswordResetService, useValue: resets },
      ],
    );
  });
  afterAll(() => c.close());

  it.each([
    ['signup', { loginId: 'a@example.com', password: GOOD }, 201],
    ['signin', { loginId: 'a@example.com', password: GOOD }, 200],
    ['replace', { loginId: 'a@example.com', oldPassword: GOOD, newPassword: GOOD }, 200],
    ['update', { loginId: 'a@example.com', newPassword: GOOD }, 204],
    ['reset', { loginId: 'a@example.com' }, 202],
    ['reset/complete', { token: 't', newPassword: GOOD }, 200],
  ])('POST /v1/password/%s with %j answers %i', async (route, body, status) => {
    expect((await c.send('POST', `/v1/password/${route}`, body)).status).toBe(status);
  });

  it('GET /v1/password/policy answers 200', async () => {
    expect(await c.send('GET', '/v1/password/policy')).toEqual({
      status: 200,
      body: { minLength: 8 },
    });
  });

  it.each([
    ['signup', { password: GOOD }, 'loginId'],
    ['signup', { loginId: 'a@example.com', password: GOOD, user: { email: 'x' } }, 'user.email'],
    ['signin', { loginId: 'a@example.com', password: 7 }, 'password'],
    ['signin', { loginId: 'a@example.com', password: GOOD, loginOptions: null }, 'loginOptions'],
    ['replace', { loginId: 'a@example.com', oldPassword: GOOD }, 'newPassword'],
    ['update', { loginId: '', newPassword: GOOD }, 'loginId'],
    ['reset', { loginId: 'a@example.com', redirectUrl: 'not a url' }, 'redirectUrl'],
    ['reset/complete', { newPassword: GOOD }, 'token'],
    ['signin', { loginId: 'a@example.com', password: GOOD, admin: true }, 'admin'],
  ])('POST /v1/password/%s refuses %j, naming %s', async (route, body, field) => {
    const response = await c.send('POST', `/v1/password/${route}`, body);
    expect([response.status, response.body.code]).toEqual([400, 'invalid_request']);
    expect(badFields(response.body)).toContain(field);
  });
});
