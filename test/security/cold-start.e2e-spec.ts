import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { startProxy } from '../support/forwarding-proxy';

/** Forwards to the emulator, except that the key set answers 503 while `keysDown` is set. */
async function startFlakyProxy(target: string) {
  const state = { keysDown: true, keyRequests: 0 };
  const proxy = await startProxy(target, (incoming, outgoing) => {
    if (!incoming.url?.startsWith('/v2/keys/')) return false;
    state.keyRequests += 1;
    if (state.keysDown) outgoing.writeHead(503).end('{"errorCode":"E503"}');
    return state.keysDown;
  });
  return { ...proxy, state };
}

describe('Security: a cold start whose key set is not there yet', () => {
  let emulator: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof startFlakyProxy>>;
  let app: NestFastifyApplication;
  let url: string;
  let session: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    proxy = await startFlakyProxy(emulator.baseUrl);
    ({ app } = await createApp({
      DESCOPE_PROJECT_ID: emulator.projectId,
      DESCOPE_BASE_URL: proxy.url,
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'silent',
    }));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    const now = Math.floor(Date.now() / 1000);
    session = emulator.context.keys.sign({
      sub: 'U1',
      iss: emulator.projectId,
      drn: 'DS',
      exp: now + 600,
    });
  });
  afterAll(async () => {
    await app.close();
    await proxy.close();
    await emulator.close();
  });

  const get = (path: string) =>
    fetch(`${url}${path}`, { headers: { authorization: `Bearer ${session}` } });
  const post = (path: string, body: object) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers 503 not_ready with Retry-After, never 401 or 502, until the keys load', async () => {
    const answers = [
      await get('/v1/session'),
      await post('/v1/session/validate', { sessionJwt: session }),
      await post('/v1/password/signup', {
        loginId: uniqueEmail('cold'),
        password: STRONG_PASSWORD,
      }),
      await get('/health/ready'),
    ];
    for (const answer of answers) {
      const body = (await answer.json()) as { code: string };
      expect([answer.status, body.code]).toEqual([503, 'not_ready']);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('retries the first load quickly: valid sessions pass within seconds of the keys coming back', async () => {
    const before = proxy.state.keyRequests;
    proxy.state.keysDown = false;
    const started = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - started < 10_000) {
      status = (await get('/v1/session')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const waited = Date.now() - started;
    console.log(`keys back: sessions valid again after ${waited} ms`);
    expect(status).toBe(200);
    expect(waited).toBeLessThan(6000); // the first-load retry waits at most 5 s
    expect(proxy.state.keyRequests - before).toBeLessThanOrEqual(2);
    expect((await get('/health/ready')).status).toBe(200);
  }, 15_000);
});
