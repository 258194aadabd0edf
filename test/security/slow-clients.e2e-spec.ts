import { LogCapture } from '../support/log-capture';
import { connect } from 'node:net';
import { AppHarness, startApp } from '../support/app-harness';

const TIMEOUT_MS = 1000;

/**
 * Opens a raw connection, writes `chunks` (and nothing more), and answers what the server wrote
 * back before closing the connection, with how long that took.
 */
function rawExchange(url: string, chunks: string[]): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => chunks.forEach((c) => socket.write(c)));
    let text = '';
    socket.on('data', (data) => (text += data.toString()));
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    socket.on('error', reject);
    socket.setTimeout(15_000, () => socket.destroy(new Error('the server never closed')));
  });
}

const problemOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));

describe('Security: slow and oversized clients', () => {
  let h: AppHarness;

  const logger = new LogCapture();

  beforeAll(async () => {
    h = await startApp({ REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) }, {}, logger);
  });
  afterAll(() => h.close());

  it('answers a body that never completes with 408 problem+json and closes, near the timeout', async () => {
    const { text, ms } = await rawExchange(h.url, [
      'POST /v1/password/signin HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
        'content-length: 100\r\n\r\n{"loginId":',
    ]);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('content-type: application/problem+json');
    expect(problemOf(text)).toMatchObject({ status: 408, code: 'request_timeout' });
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.9);
    expect(ms).toBeLessThan(TIMEOUT_MS * 4);
  });

  it('answers headers that never complete with 408 and closes, near the timeout', async () => {
    const { text, ms } = await rawExchange(h.url, ['GET /health/live HTTP/1.1\r\nHost: x\r\n']);
    expect(problemOf(text)).toMatchObject({ status: 408, code: 'request_timeout' });
    expect(ms).toBeLessThan(TIMEOUT_MS * 4);
  });

  it('answers oversized headers with 431 problem+json', async () => {
    const { text } = await rawExchange(h.url, [
      `GET /health/live HTTP/1.1\r\nHost: x\r\nx-junk: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(problemOf(text)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });

  it('answers a URL that does not decode with 400 problem+json, without quoting it', async () => {
    const { text } = await rawExchange(h.url, [
      'POST /v1/password/signin%ZZ?password=Secret-Pass-9&code=123456 HTTP/1.1\r\nHost: x\r\n' +
        'content-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}',
    ]);
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('content-type: application/problem+json');
    expect(text).toMatch(/x-request-id: [\w-]+/);
    expect(problemOf(text)).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(text).not.toContain('Secret-Pass-9');
  });

  it('logs no error for a client that hangs up in the middle of its body', async () => {
    logger.lines.length = 0;
    await new Promise<void>((resolve) => {
      const { hostname, port } = new URL(h.url);
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          'POST /v1/password/signin HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
            'content-length: 100\r\n\r\n{"loginId":',
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => setTimeout(resolve, 300));
    });
    expect(logger.records().filter((line) => line.level === 'error')).toEqual([]);
  });

  it('answers a request that is not HTTP with 400 problem+json', async () => {
    const { text } = await rawExchange(h.url, ['HELLO THERE\r\n\r\n']);
    expect(problemOf(text)).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('keeps serving other clients while slow ones hang', async () => {
    const slow = Array.from({ length: 20 }, () =>
      rawExchange(h.url, [
        'POST /v1/password/signin HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
          'content-length: 9\r\n\r\n{',
      ]),
    );
    expect((await h.api('GET', '/health/live')).status).toBe(200);
    const answers = await Promise.all(slow);
    expect(answers.every(({ text }) => text.startsWith('HTTP/1.1 408'))).toBe(true);
  });
});
