import { createHmac } from 'node:crypto';
import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD } from '../support/emulator-harness';
import { as, BUDGETS, newClient, newLoginId, statusOf } from './support';

/** A device token by the documented format, signed with the test's DEVICE_TOKEN_SECRET. */
function deviceToken(loginId: string, expiry: number, epoch = 0): string {
  const id = `test-${Math.random().toString(36).slice(2)}`;
  const mac = createHmac('sha256', BUDGETS.DEVICE_TOKEN_SECRET)
    .update(`${id}|${loginId.toLowerCase()}|${expiry}|${epoch}`)
    .digest('base64url');
  return `v1.${id}.${expiry}.${mac}`;
}

describe('Budgets: trusted devices keep their way in', () => {
  let h: AppHarness;
  const signIn = (loginId: string, password: string, client: string, token?: string) =>
    h.api('POST', '/v1/password/signin', {
      body: { loginId, password },
      headers: as(client, token),
    });
  /** Spends every untrusted budget of the account: 20 failures from 20 clients. */
  const attack = async (loginId: string) => {
    for (let i = 0; i < 20; i += 1) await signIn(loginId, 'Wrong-Pass-1', newClient());
    expect(statusOf(await signIn(loginId, 'Wrong-Pass-1', newClient()))).toBe(
      '429 too_many_attempts',
    );
  };
  /** A user, signed in once from `client`: answers the device token that earned. */
  const victim = async (client: string) => {
    const loginId = newLoginId('victim');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    const first: ApiResponse = await signIn(loginId, STRONG_PASSWORD, client);
    expect(first.body.deviceToken).toMatch(/^v1\.[\w-]+\.\d+\.[\w-]+$/);
    expect(first.cookies.DT).toContain('HttpOnly');
    return {
      loginId,
      token: first.body.deviceToken as string,
      refreshJwt: first.body.refreshJwt as string,
    };
  };

  beforeAll(async () => {
    h = await startApp(BUDGETS);
  });
  afterAll(() => h.close());

  it("lets the victim's device in while attackers have spent the account's untrusted budgets", async () => {
    const home = newClient();
    const { loginId, token } = await victim(home);
    await attack(loginId);
    expect((await signIn(loginId, STRONG_PASSWORD, home, token)).status).toBe(200);
    const asCookie = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
      headers: as(newClient()),
      cookies: { DT: token },
    });
    expect(asCookie.status).toBe(200); // the DT cookie counts as well as the header, from anywhere
    expect(statusOf(await signIn(loginId, STRONG_PASSWORD, newClient()))).toBe(
      '429 too_many_attempts',
    );
  });

  it('limits a trusted device to its own budget: 10 failures an hour, then 429 for it alone', async () => {
    const home = newClient();
    const { loginId, token } = await victim(home);
    const statuses = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push(statusOf(await signIn(loginId, 'Wrong-Pass-1', home, token)));
    expect(statuses.slice(0, 10).every((s) => s === '401 invalid_credentials')).toBe(true);
    expect(statuses[10]).toBe('429 too_many_attempts');
    expect((await signIn(loginId, STRONG_PASSWORD, newClient())).status).toBe(200); // untrusted untouched
  });

  it('ignores a device token of another login id, a forged one and an expired one', async () => {
    const home = newClient();
    const { loginId } = await victim(home);
    const other = await victim(newClient());
    await attack(loginId);
    const future = Math.floor(Date.now() / 1000) + 3600;
    const forged = `${other.token.slice(0, -4)}AAAA`;
    for (const token of [
      other.token,
      forged,
      deviceToken(loginId, Math.floor(Date.now() / 1000) - 60),
      'garbage',
    ]) {
      expect(statusOf(await signIn(loginId, STRONG_PASSWORD, home, token))).toBe(
        '429 too_many_attempts',
      );
    }
    // The control: the same construction with a future expiry is a valid device token.
    expect(
      (await signIn(loginId, STRONG_PASSWORD, home, deviceToken(loginId, future))).status,
    ).toBe(200);
  });

  it('stops trusting every device token of the account after a password change or logout-all', async () => {
    for (const change of ['update', 'logout-all'] as const) {
      const home = newClient();
      const { loginId, token, refreshJwt } = await victim(home);
      await attack(loginId);
      const changed =
        change === 'update'
          ? await h.api('POST', '/v1/password/update', {
              bearer: refreshJwt,
              body: { loginId, newPassword: 'Changed-Pass-7' },
            })
          : await h.api('POST', '/v1/session/logout-all', { bearer: refreshJwt });
      expect(changed.status).toBe(204);
      const password = change === 'update' ? 'Changed-Pass-7' : STRONG_PASSWORD;
      expect([change, statusOf(await signIn(loginId, password, home, token))]).toEqual([
        change,
        '429 too_many_attempts',
      ]);
    }
  });

  it('keeps the device token on logout', async () => {
    const home = newClient();
    const { loginId, token, refreshJwt } = await victim(home);
    const logout = await h.api('POST', '/v1/session/logout', { bearer: refreshJwt });
    expect(logout.status).toBe(204);
    expect(logout.cookies.DT).toBeUndefined();
    await attack(loginId);
    expect((await signIn(loginId, STRONG_PASSWORD, home, token)).status).toBe(200);
  });
});
