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
      ['/v2/keys/:id', 'answered'],
      ['/v1/auth/password/signin', 'answered'],
    ]);
    expect(calls[0].milliseconds).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [200, 'answered'],
    [401, 'answered'],
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

  it('answers the same endpoint for a path seen before, past the cache bound, and "unknown" for no URL', async () => {
    const base = jest.fn().mockResolvedValue(new Response('{}', { status: 200 }));
    const fetch = observedFetch(report, base);
    for (let i = 0; i < 300; i++) await fetch(`http://x/v1/mgmt/user/${i}?loginId=${i}@b.c`, {});
    await fetch('http://x/v1/mgmt/user/7?loginId=other@b.c', {});
    await fetch('not a url', {});
    expect(calls[7].endpoint).toBe('/v1/mgmt/user/7');
    expect(calls[299].endpoint).toBe('/v1/mgmt/user/299');
    expect(calls.slice(-2).map((call) => call.endpoint)).toEqual(['/v1/mgmt/user/7', 'unknown']);
  });
});
