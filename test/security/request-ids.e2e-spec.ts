import { AppHarness, startApp } from '../support/app-harness';
import { LogCapture } from '../support/log-capture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A caller's `x-request-id` is the request's id only through a trusted proxy (TRUST_PROXY);
 * otherwise the answer carries the service's own id and the caller's is logged beside it, so
 * no client can give two requests one id or pass its requests off as someone else's.
 */
describe('Security: request ids a client chooses', () => {
  let h: AppHarness;
  let logs: LogCapture;
  const lineOf = (id: string) =>
    logs.records().find((record) => record.requestId === id && 'route' in record);

  afterEach(() => h.close());

  it('never lets a direct client choose the id: two requests with one id get two', async () => {
    logs = new LogCapture();
    h = await startApp({}, {}, logs);
    const send = () =>
      h.api('GET', '/v1/password/policy', { headers: { 'x-request-id': 'victim-request-1' } });
    const [first, second] = [await send(), await send()];
    const ids = [first, second].map((answer) => answer.headers.get('x-request-id')!);
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
    expect(lineOf(ids[0])).toMatchObject({ clientRequestId: 'victim-request-1' });
    // Even claiming to come through a proxy does not help when none is trusted.
    const forwarded = await h.api('GET', '/v1/password/policy', {
      headers: { 'x-request-id': 'victim-request-1', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(forwarded.headers.get('x-request-id')).toMatch(UUID);
  });

  it('keeps a trusted proxy’s id, and refuses an unsafe one even from it', async () => {
    logs = new LogCapture();
    h = await startApp({ TRUST_PROXY: '1' }, {}, logs);
    const through = (id: string) =>
      h.api('GET', '/v1/password/policy', {
        headers: { 'x-request-id': id, 'x-forwarded-for': '203.0.113.7' },
      });
    const kept = await through('gateway-trace.42');
    expect(kept.headers.get('x-request-id')).toBe('gateway-trace.42');
    expect(lineOf('gateway-trace.42')).not.toHaveProperty('clientRequestId');
    const unsafe = await through('has spaces {and} "quotes"');
    expect(unsafe.headers.get('x-request-id')).toMatch(UUID);
    expect(JSON.stringify(logs.records())).not.toContain('{and}');
  });
});
