import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/** The verified-token memo as a client sees it: fast repeats, and never a token now refused. */
describe('Session memo: repeated tokens skip the signature check, dropped keys end them', () => {
  let h: AppHarness;
  let sessionJwt: string;
  let refreshJwt: string;
  const memo = async (result: 'hit' | 'miss') => {
    const text = await (await fetch(`${h.managementUrl}/metrics`)).text();
    return Number(
      new RegExp(`auth_token_memo_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0,
    );
  };

  beforeAll(async () => {
    h = await startApp({ JWKS_REFRESH_MS: '1000' });
    const signUp = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail('memo'), password: STRONG_PASSWORD },
    });
    ({ sessionJwt, refreshJwt } = signUp.body as { sessionJwt: string; refreshJwt: string });
  });
  afterAll(() => h.close());

  it('answers a repeated session token from the memo', async () => {
    // Sign-up checked the token once; the first use is its second check and takes the entry.
    const hits = await memo('hit');
    for (let i = 0; i < 4; i++) {
      expect((await h.api('GET', '/v1/session', { bearer: sessionJwt })).status).toBe(200);
    }
    expect((await memo('hit')) - hits).toBeGreaterThanOrEqual(3);
  });

  it('refuses a remembered session token where a refresh token is needed', async () => {
    const me = await h.api('GET', '/v1/session/me', { bearer: sessionJwt });
    expect([me.status, me.body.code]).toEqual([401, 'token_invalid']);
    expect((await h.api('GET', '/v1/session/me', { bearer: refreshJwt })).status).toBe(200);
  });

  it('stops accepting remembered tokens once their key leaves the key set', async () => {
    const rotated = await fetch(`${h.emulator.baseUrl}/emulator/keys/rotate?drop=true`, {
      method: 'POST',
    });
    expect(rotated.ok).toBe(true);
    const deadline = Date.now() + 8000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await h.api('GET', '/v1/session', { bearer: sessionJwt })).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
  }, 15_000);
});
