import { generateKeyPairSync } from 'node:crypto';
import { JwksKeyStore } from './jwks-key-store';
import { KeysNotReadyError } from './keys-not-ready.error';

const jwk = (kid: string, alg: string | undefined = 'RS256') => ({
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
  kid,
  ...(alg ? { alg } : {}),
  use: 'sig',
});

describe('JwksKeyStore', () => {
  let served: { status: number; body?: unknown; etag?: string };
  let fetchSpy: jest.SpyInstance;
  let store: JwksKeyStore;
  const fetches: string[] = [];
  const start = async (options: { cooldown?: number; refresh?: number } = {}) => {
    fetches.length = 0;
    store = new JwksKeyStore({
      onKeyFetch: (outcome) => fetches.push(outcome),
      projectId: 'P2x',
      baseUrl: 'http://keys.test/',
      unknownKidCooldownMs: options.cooldown ?? 60_000,
      jwksRefreshIntervalMs: options.refresh ?? 600_000,
    });
    await store.onModuleInit();
    return store;
  };

  beforeEach(() => {
    served = { status: 200, body: { keys: [jwk('K1')] } };
    fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(() => {
      const headers = served.etag ? { etag: served.etag } : undefined;
      const body = served.body === undefined ? null : JSON.stringify(served.body);
      return Promise.resolve(new Response(body, { status: served.status, headers }));
    });
  });
  afterEach(() => {
    store.onModuleDestroy();
    fetchSpy.mockRestore();
    jest.useRealTimers();
  });

  it("loads the project's key set at start, once, and serves known kids without fetching", async () => {
    await start();
    const found = await Promise.all([store.getKey('K1'), store.getKey('K1')]);
    expect(found.map((key) => key?.alg)).toEqual(['RS256', 'RS256']);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0][0]).toBe('http://keys.test/v2/keys/P2x');
  });

  it('answers "not ready", never "unknown", until a first key set loads, retrying soon', async () => {
    jest.useFakeTimers();
    served = { status: 503, body: {} };
    await start();
    await expect(store.getKey('K1')).rejects.toBeInstanceOf(KeysNotReadyError);
    served = { status: 200, body: { keys: [jwk('K1')] } };
    await jest.advanceTimersByTimeAsync(500);
    expect(store.ready).toBe(true);
    expect(await store.getKey('K1')).toBeDefined();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('fetches for an unknown kid at most once per cooldown', async () => {
    await start();
    expect(await store.getKey('nope')).toBeUndefined();
    expect(await store.getKey('nope-2')).toBeUndefined();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('backs off after failed fetches: a flood of unknown kids during an outage fetches rarely', async () => {
    jest.useFakeTimers();
    await start({ cooldown: 1000, refresh: 60_000 });
    served = { status: 500, body: {} };
    const flood = async () => {
      for (let i = 0; i < 50; i += 1) await store.getKey(`forged-${i}`);
    };
    await jest.advanceTimersByTimeAsync(1000);
    await flood(); // one fetch, fails: the next waits 1 s
    await jest.advanceTimersByTimeAsync(1000);
    await flood(); // one fetch, fails: the next waits 2 s
    await jest.advanceTimersByTimeAsync(1000);
    await flood(); // none
    expect(fetchSpy).toHaveBeenCalledTimes(3);
  });

  it('lets a token straight from Descope fetch a new kid within the cooldown', async () => {
    await start();
    expect(await store.getKey('attacker')).toBeUndefined();
    served = { status: 200, body: { keys: [jwk('K1'), jwk('K2')] } };
    expect(await store.getKey('K2')).toBeUndefined();
    expect(await store.getKey('K2', { trusted: true })).toBeDefined();
    // The load at start opened the cooldown: only the trusted lookup fetched again.
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('keeps the last good keys when a refresh fails, and drops keys a good refresh no longer lists', async () => {
    await start();
    served = { status: 500, body: { errorCode: 'E' } };
    await store.refresh();
    expect(await store.getKey('K1')).toBeDefined();
    served = { status: 200, body: { keys: [{ kty: 'oct', kid: 'H', k: 'c2VjcmV0' }, jwk('K2')] } };
    await store.refresh();
    expect(await store.getKey('K2', { trusted: true })).toBeDefined();
    expect(await store.getKey('K1', { trusted: true })).toBeUndefined();
    expect(await store.getKey('H', { trusted: true })).toBeUndefined();
  });

  it('revalidates with If-None-Match and keeps its keys on 304', async () => {
    served = { status: 200, body: { keys: [jwk('K1')] }, etag: '"v1"' };
    await start();
    served = { status: 304 };
    expect(await store.refresh()).toBe(true);
    served = { status: 500 };
    expect(await store.refresh()).toBe(false);
    expect(fetches).toEqual(['updated', 'unchanged', 'failed']);
    const headers = fetchSpy.mock.calls[1][1].headers as Record<string, string>;
    expect(headers['if-none-match']).toBe('"v1"');
    expect(await store.getKey('K1')).toBeDefined();
  });

  it('takes the algorithm each key declares, RS256 when it declares none', async () => {
    served = {
      status: 200,
      body: { keys: [jwk('P', 'PS384'), jwk('N', undefined), jwk('X', 'ES256')] },
    };
    await start();
    expect((await store.getKey('P'))?.alg).toBe('PS384');
    expect((await store.getKey('N'))?.alg).toBe('RS256');
    expect(await store.getKey('X', { trusted: true })).toBeUndefined();
  });
});
