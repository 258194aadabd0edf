import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppHarness, startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/** A server that accepts connections and never answers. */
async function startSilentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('Service: upstream failures', () => {
  it('answers 502 upstream_unavailable when Descope is down, and keeps serving', async () => {
    const h: AppHarness = await startApp();
    try {
      const loginId = uniqueEmail();
      const signUp = await h.api('POST', '/v1/password/signup', {
        body: { loginId, password: STRONG_PASSWORD },
      });
      await h.emulator.close();
      const signIn = await h.api('POST', '/v1/password/signin', {
        body: { loginId, password: STRONG_PASSWORD },
      });
      expect([signIn.status, signIn.body.code]).toEqual([502, 'upstream_unavailable']);
      expect(signIn.body.detail).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1/);
      expect((await h.api('GET', '/health/live')).status).toBe(200);
      const local = await h.api('POST', '/v1/session/validate', {
        body: { sessionJwt: signUp.body.sessionJwt },
      });
      expect(local.status).toBe(200);
    } finally {
      await h.app.close();
    }
  });

  it('answers 504 upstream_timeout within DESCOPE_TIMEOUT_MS when Descope hangs', async () => {
    const silent = await startSilentServer();
    const h = await startApp({ DESCOPE_BASE_URL: silent.url, DESCOPE_TIMEOUT_MS: '300' });
    try {
      const started = Date.now();
      const signIn = await h.api('POST', '/v1/password/signin', {
        body: { loginId: 'a@example.com', password: STRONG_PASSWORD },
      });
      const elapsed = Date.now() - started;
      expect([signIn.status, signIn.body.code]).toEqual([504, 'upstream_timeout']);
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(3000);
      expect((await h.api('GET', '/health/live')).status).toBe(200);
      const ready = await h.api('GET', '/health/ready');
      expect([ready.status, ready.body.code]).toEqual([503, 'not_ready']);
    } finally {
      await h.close();
      silent.server.closeAllConnections();
      silent.server.close();
    }
  });

  it("answers Descope 503 as 502 at once, without the SDK's retries", async () => {
    let hits = 0;
    const server = createServer((request, response) => {
      if (request.url === '/v1/auth/password/signin') hits += 1;
      response.writeHead(503, { 'content-type': 'text/html' }).end('<html>down</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const h = await startApp({ DESCOPE_BASE_URL: url });
    try {
      const started = Date.now();
      const signIn = await h.api('POST', '/v1/password/signin', {
        body: { loginId: 'a@example.com', password: STRONG_PASSWORD },
      });
      expect([signIn.status, signIn.body.code]).toEqual([502, 'upstream_unavailable']);
      expect(hits).toBe(1);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await h.close();
      server.close();
    }
  });

  it('passes a Descope 429 through with Retry-After', async () => {
    // Descope limits per client IP: the service's sign-up and two sign-ins spend this one.
    const h = await startApp({}, { ipRateLimit: 3 });
    try {
      const loginId = uniqueEmail();
      await h.api('POST', '/v1/password/signup', { body: { loginId, password: STRONG_PASSWORD } });
      for (let i = 0; i < 2; i += 1)
        await h.api('POST', '/v1/password/signin', { body: { loginId, password: 'Wrong-Pass-1' } });
      const limited = await h.api('POST', '/v1/password/signin', {
        body: { loginId, password: STRONG_PASSWORD },
      });
      // Sign-in must not reveal accounts: Descope's code is held back there.
      expect([limited.status, limited.body.code, limited.body.descopeCode]).toEqual([
        429,
        'rate_limited',
        undefined,
      ]);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.retryAfter).toBe(Number(limited.headers.get('retry-after')));
    } finally {
      await h.close();
    }
  });
});
