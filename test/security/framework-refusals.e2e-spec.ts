import { connect } from 'node:net';
import { AppHarness, startApp } from '../support/app-harness';
import { LogCapture } from '../support/log-capture';

/** Writes `request` on a raw connection; answers what came back before the server closed it. */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.on('data', (data) => (text += data.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('the server never closed')));
  });
}

const idOf = (text: string) => /x-request-id: (\S+)/i.exec(text)?.[1];

/**
 * What the framework refuses before any route sees it (a 431, a 408, a URL that does not decode,
 * a reset connection) leaves the same JSON request line as any request, with why and the peer's
 * address, and counts in http_requests_total with route `unmatched`: an attack made of them shows.
 */
describe('Security: refusals before routing are logged and counted', () => {
  let h: AppHarness;
  const logs = new LogCapture();
  beforeAll(async () => {
    h = await startApp({ REQUEST_TIMEOUT_MS: '1000' }, {}, logs);
  });
  afterAll(() => h.close());

  const unmatched = async (status: number) => {
    const text = await (await fetch(`${h.managementUrl}/metrics`)).text();
    const counts = [
      ...text.matchAll(
        new RegExp(
          `http_requests_total\\{[^}]*route="unmatched",status="${status}"\\} (\\d+)`,
          'g',
        ),
      ),
    ];
    return counts.reduce((sum, match) => sum + Number(match[1]), 0);
  };
  const lineOf = (requestId: string) =>
    logs
      .records()
      .filter((record) => record.requestId === requestId && record.route === 'unmatched');

  it.each([
    [
      '431',
      431,
      'headers_too_large',
      `GET /v1/session HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ],
    ['408', 408, 'request_timeout', 'GET /v1/session HTTP/1.1\r\nHost: x\r\n'],
    [
      'bad percent-encoding',
      400,
      'bad_url',
      'GET /v1/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ],
  ])(
    'a %s: one JSON line with its request id, reason and address, and a count',
    async (_, status, reason, request) => {
      const before = await unmatched(status);
      const answer = await raw(h.url, request);
      expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      const requestId = idOf(answer)!;
      expect(lineOf(requestId)).toEqual([
        expect.objectContaining({
          status,
          reason,
          ip: expect.stringMatching(/127\.0\.0\.1/),
          msg: expect.any(String),
        }),
      ]);
      expect(await unmatched(status)).toBe(before + 1);
      expect(JSON.stringify(lineOf(requestId))).not.toContain('%E0');
    },
  );

  it('counts a request the client reset half-way, and not a bare connect-and-reset', async () => {
    const before = await unmatched(499);
    const { hostname, port } = new URL(h.url);
    const resetAfter = (bytes: string) =>
      new Promise<void>((resolve) => {
        const socket = connect(Number(port), hostname, () => {
          if (bytes) socket.write(bytes);
          setTimeout(() => socket.resetAndDestroy(), 50);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
    await resetAfter('');
    await resetAfter('POST /v1/password/signin HTTP/1.1\r\nHost: x\r\ncontent-len');
    for (let i = 0; i < 40 && (await unmatched(499)) === before; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await unmatched(499)).toBe(before + 1);
    expect(logs.records().some((record) => record.reason === 'connection_reset')).toBe(true);
  });
});
