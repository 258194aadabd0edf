import { generateKeyPairSync } from 'node:crypto';
import { JwksKeyStore } from './jwks-key-store';

const jwk = (kid: string) => ({
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
  kid,
  alg: 'RS256',
  use: 'sig',
});

describe('JwksKeyStore', () => {
  let served: { status: number; body: unknown };
  let fetchSpy: jest.SpyInstance;
  const store = () =>
    new JwksKeyStore({
      projectId: 'P2x',
      baseUrl: 'http://keys.test/',
      unknownKidCooldownMs: 60_000,
    });

  beforeEach(() => {
    served = { status: 200, body: { keys: [jwk('K1')] } };
    fetchSpy = jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(() =>
        Promise.resolve(new Response(JSON.stringify(served.body), { status: served.status })),
      );
  });
  afterEach(() => fetchSpy.mockRestore());

  it("fetches the project's key set once for concurrent lookups of a new kid", async () => {
    const keys = store();
    const found = await Promise.all([keys.getKey('K1'), keys.getKey('K1'), keys.getKey('K1')]);
    expect(found.every(Boolean)).toBe(true);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0][0]).toBe('http://keys.test/v2/keys/P2x');
    await keys.getKey('K1');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('fetches for an unknown kid at most once per cooldown', async () => {
    const keys = store();
    expect(await keys.getKey('nope')).toBeUndefined();
    expect(await keys.getKey('nope-2')).toBeUndefined();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('lets a token straight from Descope fetch a new kid within the cooldown', async () => {
    const keys = store();
    expect(await keys.getKey('attacker')).toBeUndefined();
    served = { status: 200, body: { keys: [jwk('K1'), jwk('K2')] } };
    expect(await keys.getKey('K2')).toBeUndefined();
    expect(await keys.getKey('K2', { trusted: true })).toBeDefined();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('keeps the last good keys when a refresh fails, and drops keys a good refresh no longer lists', async () => {
    const keys = store();
    await keys.refresh();
    served = { status: 500, body: { errorCode: 'E' } };
    await keys.refresh();
    expect(await keys.getKey('K1')).toBeDefined();
    served = { status: 200, body: { keys: [{ kty: 'oct', kid: 'H', k: 'c2VjcmV0' }, jwk('K2')] } };
    await keys.refresh();
    expect(keys.ready).toBe(true);
    expect(await keys.getKey('K2')).toBeDefined();
    expect(await keys.getKey('H')).toBeUndefined();
  });
});
