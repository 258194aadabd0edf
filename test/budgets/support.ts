import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { randomInt } from 'node:crypto';
import { generateSync } from 'otplib';
import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD } from '../support/emulator-harness';

/** The budgets at their defaults, shared through the local Redis, clients told apart by IP. */
export const BUDGETS = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  DEVICE_TOKEN_SECRET: 'b'.repeat(32),
  TRUST_PROXY: '1',
  AUTH_FAILURES_PER_CLIENT: '5/15m',
  AUTH_FAILURES_PER_ACCOUNT: '20/1h',
  AUTH_FAILURES_PER_DEVICE: '10/1h',
  AUTH_FAILURES_TRUSTED_PER_ACCOUNT: '30/1h',
  SENDS_PER_DESTINATION: '5/15m,20/1d',
  SENDS_PER_LOGIN_ID: '5/15m,20/1d',
  SENDS_PER_DEVICE: '5/15m,20/1d',
};

/** Two instances of the service sharing Redis and one emulator. */
export async function twoInstances(
  env: Record<string, string> = {},
): Promise<{ a: AppHarness; b: AppHarness; emulator: RunningEmulator; close(): Promise<void> }> {
  const emulator = await startEmulator();
  const a = await startApp({ ...BUDGETS, ...env }, emulator);
  const b = await startApp({ ...BUDGETS, ...env }, emulator);
  return {
    a,
    b,
    emulator,
    close: async () => {
      await a.close();
      await b.close();
      await emulator.close();
    },
  };
}

/** A client address no other test uses, as the one trusted proxy reports it. */
export const newClient = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A login id no other run uses (budgets live in the shared Redis). */
export const newLoginId = (prefix = 'budget') =>
  `${prefix}.${Date.now().toString(36)}.${randomInt(1e9)}@example.com`;

/** Sends as a given client, with a device token when given. */
export const as = (client: string, deviceToken?: string) => ({
  'x-forwarded-for': client,
  ...(deviceToken ? { 'x-device-token': deviceToken } : {}),
});

/** Each route that checks a secret, as a wrong guess for a login id. */
export const WRONG_GUESSES: Record<string, (loginId: string) => [string, object]> = {
  'password sign-in': (loginId) => ['/v1/password/signin', { loginId, password: 'Wrong-Pass-1' }],
  'password replace': (loginId) => [
    '/v1/password/replace',
    { loginId, oldPassword: 'Wrong-Pass-1', newPassword: STRONG_PASSWORD },
  ],
  'OTP verify (email)': (loginId) => ['/v1/otp/verify/email', { loginId, code: '000000' }],
  'OTP verify (sms)': (loginId) => ['/v1/otp/verify/sms', { loginId, code: '000000' }],
  'TOTP verify': (loginId) => ['/v1/totp/verify', { loginId, code: '000000' }],
};

export async function guess(h: AppHarness, route: string, loginId: string, client: string) {
  const [path, body] = WRONG_GUESSES[route](loginId);
  return h.api('POST', path, { body, headers: as(client) });
}

/** A password user who also has an authenticator app; answers its TOTP key. */
export async function userWithEverything(h: AppHarness, loginId: string): Promise<string> {
  const { body } = await h.api('POST', '/v1/password/signup', {
    body: { loginId, password: STRONG_PASSWORD },
  });
  const totp = await h.api('POST', '/v1/totp/update', {
    bearer: body.refreshJwt,
    body: { loginId },
  });
  return totp.body.key as string;
}

export const totpCode = (key: string) => generateSync({ secret: key });

export const statusOf = (response: ApiResponse) =>
  `${response.status} ${response.body.code ?? ''}`.trim();
