import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

const TOKEN = 'metrics-token-0123456789';

/* Operator switches. Each configuration is its own app, one after the other (Passport's
 * strategies are process-wide). */

describe('Operations: METRICS_TOKEN guards /metrics', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => h.close());

  it('answers 401 without the token or with a wrong one, 200 with it', async () => {
    const none = await h.api('GET', '/metrics');
    expect([none.status, none.body.code]).toEqual([401, 'token_missing']);
    const wrong = await h.api('GET', '/metrics', { bearer: `${TOKEN}x` });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'token_invalid']);
    const right = await fetch(`${h.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('http_requests_total');
  });

  it('counts Descope calls by endpoint and outcome, key fetches and auth outcomes', async () => {
    const loginId = uniqueEmail('metrics');
    await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
    await h.api('POST', '/v1/password/signin', { body: { loginId, password: 'Wrong-password-1' } });
    const metrics = await fetch(`${h.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const text = await metrics.text();
    expect(text).toMatch(
      /descope_request_duration_seconds_count\{endpoint="\/v1\/auth\/password\/signup",outcome="answered"\} [1-9]/,
    );
    expect(text).toMatch(
      /descope_request_duration_seconds_count\{endpoint="\/v1\/auth\/password\/signin",outcome="answered"\} [1-9]/,
    );
    expect(text).toMatch(/auth_jwks_fetches_total\{outcome="updated"\} [1-9]/);
    // A wrong password is answered like an unknown user: counted as what the caller was told.
    expect(text).toMatch(/auth_outcomes_total\{action="password.signin",result="refused"\} 1/);
    expect(text).not.toContain(loginId);
  });
});

describe('Operations: METRICS_ENABLED=false', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp({ METRICS_ENABLED: 'false' });
  });
  afterAll(() => h.close());

  it('answers /metrics 404 as if there were no such route, on both ports', async () => {
    const response = await h.api('GET', '/metrics');
    expect([response.status, response.body.code]).toEqual([404, 'not_found']);
    expect((await fetch(`${h.managementUrl}/metrics`)).status).toBe(404);
  });
});

describe('Operations: API docs in production', () => {
  const production = {
    NODE_ENV: 'production',
    DEVICE_TOKEN_SECRET: 'device-secret-0123456789abcdef-0123',
  };

  it('serves no /docs in production by default', async () => {
    const h = await startApp(production);
    try {
      expect((await h.api('GET', '/docs-json')).status).toBe(404);
      expect((await h.api('GET', '/docs')).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('serves /docs in production with DOCS_ENABLED=true, and not outside it with false', async () => {
    const on = await startApp({ ...production, DOCS_ENABLED: 'true' });
    try {
      expect((await on.api('GET', '/docs-json')).status).toBe(200);
    } finally {
      await on.close();
    }
    const off = await startApp({ DOCS_ENABLED: 'false' });
    try {
      expect((await off.api('GET', '/docs-json')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('Operations: readiness during an outage of Descope and Redis', () => {
  let h: AppHarness;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({});
    // Nothing listens on port 1: Redis is unreachable from the start.
    h = await startApp(
      {
        REDIS_URL: 'redis://127.0.0.1:1',
        DEVICE_TOKEN_SECRET: 'x'.repeat(32),
        JWKS_REFRESH_MS: '1000',
      },
      emulator,
    );
  });
  afterAll(async () => {
    await h?.close();
    await emulator.close(); // a second close is harmless
  });

  it('stays ready (degraded, naming both) and keeps validating sessions with its cached keys', async () => {
    const signUp = await h.api('POST', '/v1/password/signup', {
      body: { loginId: uniqueEmail('outage'), password: STRONG_PASSWORD },
    });
    expect(signUp.status).toBe(201);
    await emulator.close();
    // The key store's next refresh (every second here) finds Descope gone.
    const details = async () => {
      const answer = await fetch(`${h.managementUrl}/health/ready`);
      return { status: answer.status, body: (await answer.json()) as Record<string, any> };
    };
    let ready = await details();
    for (let i = 0; i < 50 && ready.body.details?.descope?.status !== 'degraded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ready = await details();
    }
    expect([ready.status, ready.body.status]).toEqual([200, 'degraded']);
    expect(ready.body.details).toMatchObject({
      signingKeys: { status: 'up' },
      descope: { status: 'degraded' },
      redis: { status: 'degraded' },
    });
    const session = await h.api('GET', '/v1/session', { bearer: signUp.body.sessionJwt });
    expect(session.status).toBe(200);
    // The public port says only that it is ready.
    expect((await h.api('GET', '/health/ready')).body).toEqual({ status: 'degraded' });
  });
});
