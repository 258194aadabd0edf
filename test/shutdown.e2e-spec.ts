import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { startServiceProcess } from './support/service-process';
import { startSlowProxy } from './support/forwarding-proxy';

/**
 * SIGTERM on the built service, as an orchestrator sends it: requests in flight finish, new ones
 * are not taken, Redis and the embedded emulator close, the process exits 0 within the grace.
 */
describe('Shutdown on SIGTERM', () => {
  let emulator: RunningEmulator;
  let proxy: Awaited<ReturnType<typeof startSlowProxy>>;
  const messages = (lines: Record<string, any>[]) => lines.map((line) => String(line.msg));

  beforeAll(async () => {
    emulator = await startEmulator();
    // The password policy is answered 1.5 s late: a request that is still in flight.
    proxy = await startSlowProxy(emulator.baseUrl, '/v1/auth/password/policy', 1500);
  });
  afterAll(async () => {
    await proxy.close();
    await emulator.close();
  });

  const against = (grace: number) => ({
    DESCOPE_PROJECT_ID: emulator.projectId,
    DESCOPE_BASE_URL: proxy.url,
    COOKIE_SECURE: 'false',
    REDIS_URL: 'redis://127.0.0.1:6379',
    DEVICE_TOKEN_SECRET: 'shutdown-test-secret-0123456789abcdef',
    SHUTDOWN_GRACE_MS: String(grace),
  });

  it('finishes the request in flight, refuses new ones, closes Redis and exits 0', async () => {
    const service = await startServiceProcess(against(10_000));
    const inFlight = fetch(`${service.url}/v1/password/policy`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const late = await fetch(`${service.url}/health/live`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);
    // The probes' port says not ready while the request in flight drains.
    const probe = await fetch(`${service.managementUrl}/health/ready`);
    expect([probe.status, probe.headers.get('content-type')]).toEqual([
      503,
      'application/problem+json',
    ]);
    const answer = await inFlight;
    const code = await service.exited;
    expect(answer.status).toBe(200);
    expect(code).toBe(0);
    // Well within the 10 s grace: the process does not wait for idle keep-alive connections.
    expect(Date.now() - signalled).toBeLessThan(8000);
    await expect(fetch(`${service.url}/health/live`)).rejects.toThrow();
    expect(messages(service.lines)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SIGTERM: no new requests/),
        'Closed the Redis connection',
        'Stopped',
      ]),
    );
  }, 20_000);

  it('exits 0 when the grace runs out, saying requests were still in flight', async () => {
    const service = await startServiceProcess(against(200));
    const inFlight = fetch(`${service.url}/v1/password/policy`).catch(() => 'cut');
    await new Promise((resolve) => setTimeout(resolve, 300));
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(await inFlight).toBe('cut');
    expect(messages(service.lines)).toEqual(
      expect.arrayContaining([expect.stringMatching(/still in flight after 200 ms/)]),
    );
  });

  it('stops the embedded emulator too', async () => {
    const service = await startServiceProcess({ COOKIE_SECURE: 'false' });
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(messages(service.lines)).toContain('Stopped the embedded emulator');
  });
});
