import { AppHarness, startApp } from './support/app-harness';

/**
 * The management port (MANAGEMENT_PORT, on MANAGEMENT_HOST): /metrics and detailed health for
 * operators; the public port keeps only the probes' status and no /metrics at all by default.
 */
describe('Operations: the management port', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startApp();
  });
  afterAll(() => h.close());

  const management = (path: string, init?: RequestInit) => fetch(`${h.managementUrl}${path}`, init);

  it('serves /metrics there, and 404 on the public port', async () => {
    const scraped = await management('/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await scraped.text()).toContain('http_requests_total');
    const open = await h.api('GET', '/metrics');
    expect([open.status, open.body.code]).toEqual([404, 'not_found']);
  });

  it('answers readiness with every check there, and only the status on the public port', async () => {
    const ready = (await (await management('/health/ready')).json()) as Record<string, any>;
    expect(Object.keys(ready.details).sort()).toEqual(
      ['config', 'descope', 'redis', 'revocations', 'signingKeys'].sort(),
    );
    expect((await h.api('GET', '/health/ready')).body).toEqual({ status: ready.status });
    expect((await h.api('GET', '/health/live')).body).toEqual({ status: 'ok' });
    expect(await (await management('/health/live')).json()).toMatchObject({ status: 'ok' });
  });

  it('listens on loopback by default, and answers nothing else', async () => {
    expect(new URL(h.managementUrl).hostname).toBe('127.0.0.1');
    for (const [path, method] of [
      ['/', 'GET'],
      ['/docs', 'GET'],
      ['/v1/session', 'GET'],
      ['/metrics', 'POST'],
    ]) {
      const answer = await management(path, { method });
      expect([path, method, answer.status]).toEqual([path, method, 404]);
      expect(((await answer.json()) as { code: string }).code).toBe('not_found');
    }
  });
});
