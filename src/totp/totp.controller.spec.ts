import { badFields, controllerApp, ControllerApp } from '../../test/support/controller-app';
import { TotpController } from './totp.controller';
import { TotpService } from './totp.service';

const ENROLMENT = { provisioningURL: 'otpauth://totp/x', image: 'iVBOR', key: 'JBSWY3DP' };

describe('TotpController', () => {
  let c: ControllerApp;
  const service = {
    signUp: jest.fn().mockResolvedValue(ENROLMENT),
    verify: jest.fn().mockResolvedValue({ sessionJwt: 's.s.s', sessionExpiresAt: 2e9 }),
    update: jest.fn().mockResolvedValue(ENROLMENT),
  };

  beforeAll(async () => {
    c = await controllerApp(TotpController, [{ provide: TotpService, useValue: service }]);
  });
  afterAll(() => c.close());

  it.each([
    ['signup', { loginId: 'a@example.com', user: { name: 'Ada' } }, 201],
    ['verify', { loginId: 'a@example.com', code: '123456' }, 200],
    ['verify', { loginId: 'a@example.com', code: '123456', loginOptions: { mfa: true } }, 200],
    ['update', { loginId: 'a@example.com' }, 200],
  ])('POST /v1/totp/%s with %j answers %i', async (route, body, status) => {
    expect((await c.send('POST', `/v1/totp/${route}`, body)).status).toBe(status);
  });

  it.each([
    ['signup', {}, 'loginId'],
    ['signup', { loginId: 'a@example.com', user: { phone: '12' } }, 'user.phone'],
    ['verify', { loginId: 'a@example.com', code: '12345' }, 'code'],
    ['verify', { loginId: 'a@example.com', code: 123456 }, 'code'],
    ['verify', { loginId: 'a@example.com', code: '123456', loginOptions: null }, 'loginOptions'],
    ['update', { loginId: ['a@example.com'] }, 'loginId'],
  ])('POST /v1/totp/%s refuses %j, naming %s', async (route, body, field) => {
    const response = await c.send('POST', `/v1/totp/${route}`, body);
    expect([response.status, response.body.code]).toEqual([400, 'invalid_request']);
    expect(badFields(response.body)).toContain(field);
  });
});
