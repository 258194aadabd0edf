import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { connect } from 'node:net';
import { AppHarness, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { startProxy } from '../support/forwarding-proxy';
import { LogCapture } from '../support/log-capture';
import {
  Attempt,
  pw,
  SECRET_ROUTES,
  secretAttempts,
  SENDS,
  WRONG,
} from '../support/secret-attempts';

const FLOOR_MS = 300;
/** While set, Descope (a proxy in front of the emulator) answers this: [status, code, headers]. */
let fault: readonly [number, string, Record<string, string>?] | undefined;

/**
 * Account hiding when Descope itself fails or refuses (a proxy in front of the emulator answers
 * its 429, 5xx and refusals), under concurrency, and with clients that hang up: no answer may
 * carry Descope's code, a failed secret still reads as the route's one failure, and every attempt
 * leaves its audit line.
 */
describe("Security: account hiding against Descope's faults and clients that hang up", () => {
  let h: AppHarness;
  let emulator: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  const logs = new LogCapture();
  const { attempt, audits, expectOneAnswer, expectNoSecrets } = secretAttempts(
    () => h,
    logs,
    FLOOR_MS,
  );
  const signUp = (loginId: string) =>
    h.api('POST', '/v1/password/signup', { body: pw(loginId, STRONG_PASSWORD) });

  beforeAll(async () => {
    emulator = await startEmulator();
    proxy = await startProxy(emulator.baseUrl, (incoming, outgoing) => {
      const url = incoming.url ?? '';
      if (!fault || !url.startsWith('/v1/auth/') || url.endsWith('/policy')) return false;
      outgoing.writeHead(fault[0], { 'content-type': 'application/json', ...fault[2] });
      outgoing.end(JSON.stringify({ errorCode: fault[1], errorDescription: 'fault' }));
      return true;
    });
    const env = { DESCOPE_BASE_URL: proxy.url, AUTH_FAILURE_MIN_MS: String(FLOOR_MS) };
    h = await startApp(env, emulator, logs);
  });
  afterAll(async () => {
    await h.close();
    await proxy.close();
    await emulator.close();
  });

  it("never passes Descope's code on; hides its lock and refusals, not its 429 or outage", async () => {
    const outcomes: Record<string, Attempt[]> = {};
    for (const f of [
      [429, 'E130429', { 'retry-after': '17' }],
      [503, 'E000000'],
      [400, 'E999400'],
      [401, 'E999401'],
      [401, 'E062903'],
      [429, 'E061103'],
    ] as const) {
      fault = f;
      const secrets = SECRET_ROUTES.map(([path, body]) => attempt(path, body(uniqueEmail('f'))));
      const sends = SENDS.map((path) => attempt(path, { loginId: uniqueEmail('f') }));
      outcomes[f[1]] = await Promise.all([...secrets, ...sends]).finally(() => (fault = undefined));
    }
    for (const { path, answer } of Object.values(outcomes).flat())
      expect([path, answer.body.descopeCode]).toEqual([path, undefined]);
    const shown = (code: string) =>
      outcomes[code]
        .slice(0, SECRET_ROUTES.length)
        .map(({ answer, cause }) =>
          [answer.status, answer.body.code, answer.headers.get('retry-after'), cause].join(),
        );
    expect(shown('E130429')).toEqual(Array(5).fill('429,rate_limited,17,rate_limited'));
    expect(shown('E000000')).toEqual(Array(5).fill('502,upstream_unavailable,,upstream_error'));
    SECRET_ROUTES.forEach(([, , failure], i) =>
      expectOneAnswer(
        ['E999401', 'E062903', 'E061103'].map((code) => outcomes[code][i]),
        failure,
      ),
    );
    expect(outcomes.E061103.slice(0, 5).map((a) => a.cause)).toEqual(Array(5).fill('locked'));
  });

  it('answers concurrent attempts alike, and audits those whose client hung up', async () => {
    const known = Array.from({ length: 4 }, () => uniqueEmail('hangup'));
    await Promise.all(known.map(signUp));
    const ids = [...known, ...known.map(() => uniqueEmail('ghost'))];
    // Each on its own socket, closed as soon as the request is out: gone before the floor.
    const hungUp = ids.map(async (loginId, i) => {
      const body = JSON.stringify(pw(loginId));
      const requestId = `hangup-${Date.now()}-${i}`;
      const socket = connect(Number(new URL(h.url).port), '127.0.0.1').on('error', () => {});
      const head = `POST /v1/password/signin HTTP/1.1\r\nhost: x\r\nx-request-id: ${requestId}\r\n`;
      const type = `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}`;
      await new Promise((sent) => socket.write(`${head}${type}\r\n\r\n${body}`, sent));
      socket.destroy();
      return requestId;
    });
    const kept = ids.map((loginId) => attempt('/v1/password/signin', pw(loginId)));
    expectOneAnswer(await Promise.all(kept), 'invalid_credentials');
    const requestIds = await Promise.all(hungUp);
    for (let i = 0; i < 40 && requestIds.some((id) => !audits(id).length); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const results = requestIds.map((id) => String(audits(id).map((line) => line.result)));
    expect(results).toEqual(Array(ids.length).fill('invalid_credentials'));
    expect((await h.api('GET', '/health/live')).status).toBe(200);
    expectNoSecrets([...ids, WRONG]);
  });
});
