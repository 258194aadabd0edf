import { badFields, controllerApp, ControllerApp } from '../../test/support/controller-app';
import { OtpUpdateController } from './otp-update.controller';
import { OtpController } from './otp.controller';
import { OtpUpdateService } from './otp-update.service';
import { OtpService } from './otp.service';

const SENT = { maskedAddress: 'a***@example.com' };

describe('OtpController', () => {
  let c: ControllerApp;
  const service = {
    signUp: jest.fn().mockResolvedValue(SENT),
    signIn: jest.fn().mockResolvedValue(SENT),
    signUpOrIn: jest.fn().mockResolvedValue(SENT),
    verify: jest.fn().mockResolvedValue({ sessionJwt: 's.s.s', sessionExpiresAt: 2e9 }),
    updateEmail: jest.fn().mockResolvedValue(SENT),
    updatePhone: jest.fn().mockResolvedValue(SENT),
  };

  beforeAll(async () => {
    c = await controllerApp(
      [OtpController, OtpUpdateController],
      [
        { provide: OtpService, useValue: service },
        { provide: OtpUpdateService, useValue: service },
      ],
    );
  });
  afterAll(() => c.close());

  it.each([
    ['signup/email', { loginId: 'a@example.com' }, 202],
    ['signin/sms', { loginId: '+14155550100' }, 202],
    ['signin/email', { loginId: 'a@example.com', loginOptions: { stepup: true } }, 202],
    ['signup-in/voice', { loginId: '+14155550100' }, 202],
    ['verify/whatsapp', { loginId: '+14155550100', code: '123456' }, 200],
    ['update/email', { loginId: 'a@example.com', email: 'b@example.com' }, 202],
    ['update/phone/sms', { loginId: 'a@example.com', phone: '+14155550100' }, 202],
  ])('POST /v1/otp/%s with %j answers %i', async (route, body, status) => {
    expect((await c.send('POST', `/v1/otp/${route}`, body)).status).toBe(status);
  });

  it('hands the step-up sign-in a lazily verified refresh token, never a raw one', async () => {
    await c.send('POST', '/v1/otp/signin/email', { loginId: 'a@example.com' });
    const refresh = service.signIn.mock.calls.at(-1)[2];
    expect(Object.keys(refresh)).toEqual(['verify', 'carriedSession']);
  });

  it.each([
    ['signup/pigeon', { loginId: 'a@example.com' }, 'method'],
    ['signup/email', { loginId: 'a@example.com', signUpOptions: null }, 'signUpOptions'],
    ['signin/email', {}, 'loginId'],
    [
      'signin/email',
      { loginId: 'a@example.com', loginOptions: { stepup: 'yes' } },
      'loginOptions.stepup',
    ],
    ['signup-in/sms', { loginId: 5 }, 'loginId'],
    ['verify/email', { loginId: 'a@example.com', code: '12ab56' }, 'code'],
    ['update/email', { loginId: 'a@example.com', email: 'nope' }, 'email'],
    ['update/phone/email', { loginId: 'a@example.com', phone: '+14155550100' }, 'method'],
    ['update/phone/sms', { loginId: 'a@example.com', phone: '555-0100' }, 'phone'],
  ])('POST /v1/otp/%s refuses %j, naming %s', async (route, body, field) => {
    const response = await c.send('POST', `/v1/otp/${route}`, body);
    expect([response.status, response.body.code]).toEqual([400, 'invalid_request']);
    expect(badFields(response.body)).toContain(field);
  });
});
