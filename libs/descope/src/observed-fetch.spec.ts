import { observedFetch, UpstreamCall } from './observed-fetch';

describe('observedFetch', () => {
  const calls: UpstreamCall[] = [];
  const report = (call: UpstreamCall) => calls.push(call);
  beforeEach(() => (calls.length = 0));

  it('reports the path without the query and masks id-like segments', async () => {
    const base = jest.fn().mockResolvedValue(new Response('{}', { status: 200 }));
    const pid = 'P2EmulatorLocalProject000000000';
    await observedFetch(report, base)(`http://x/v2/keys/${pid}?loginId=a@b.c`, {});
    await observedFetch(report, base)('http://x/v1/auth/password/signin', {});
    expect(calls.map(({ endpoint, outcome }) => [endpoint, outcome])).toEqual([
      ['/v2/keys/:id', 'ok'],
      ['/v1/auth/password/signin', 'ok'],
    ]);
    expect(calls[0].milliseconds).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [401, 'client_error'],
    [429, 'rate_limited'],
    [503, 'server_error'],
  ])('reports HTTP %i as %s', async (status, outcome) => {
    const base = jest.fn().mockResolvedValue(new Response('{}', { status }));
    await observedFetch(report, base)('http://x/v1/a', {});
    expect(calls[0].outcome).toBe(outcome);
  });

  it('reports timeouts and network errors, and still throws them', async () => {
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    await expect(
      observedFetch(report, jest.fn().mockRejectedValue(timeout))('http://x/a'),
    ).rejects.toBe(timeout);
    const refused = new TypeError('fetch failed');
    await expect(
      observedFetch(report, jest.fn().mockRejectedValue(refused))('http://x/a'),
    ).rejects.toBe(refused);
    expect(calls.map((call) => call.outcome)).toEqual(['timeout', 'network_error']);
  });
});
