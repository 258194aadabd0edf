import { generateKeyPairSync, sign } from 'node:crypto';
import { AuthModuleOptions } from './auth-module-options';
import { AuthTokenError } from './auth-token.error';
import { JwksKeyStore } from './jwks-key-store';
import { RevocationSet } from './revocation-set';
import { SESSION_ENDED, TokenVerifier } from './token-verifier';
import { TokenKind, VerifiedToken } from './verified-token';
import { VerifiedTokenMemo } from './verified-token-memo';

const PROJECT = 'P2project';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => {
  const input = `${part({ alg: 'RS256', kid: 'K1' })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
};

describe('VerifiedTokenMemo (through TokenVerifier)', () => {
  let trusted: boolean;
  let dropped: (kids: ReadonlySet<string>) => void;
  let getKey: jest.Mock;
  const now = () => Math.floor(Date.now() / 1000);
  const session = (extra: object = {}) =>
    jwt({ sub: 'U1', iss: PROJECT, drn: 'DS', exp: now() + 60, ...extra });
  const build = (extra: Partial<AuthModuleOptions> = {}) => {
    getKey = jest.fn((kid: string) =>
      Promise.resolve(trusted && kid === 'K1' ? { key: publicKey, alg: 'RS256' } : undefined),
    );
    const keys = {
      getKey,
      has: (kid: string) => trusted && kid === 'K1',
      onKeysDropped: (listener: typeof dropped) => (dropped = listener),
    } as unknown as JwksKeyStore;
    const options = { projectId: PROJECT, baseUrl: 'https://a.example', ...extra };
    const memo = new VerifiedTokenMemo(keys, options);
    return { memo, verifier: new TokenVerifier(keys, memo, new RevocationSet(), options) };
  };
  // A token takes a memo entry from its second successful check (MemoDoorkeeper).
  const remember = async (verifier: TokenVerifier, token: string, kind: TokenKind = 'session') => {
    await verifier.verify(token, kind);
    return verifier.verify(token, kind);
  };
  const reason = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: AuthTokenError) => `${error.reason}: ${error.detail}`,
    );

  beforeEach(() => (trusted = true));
  afterEach(() => jest.useRealTimers());

  it('remembers a token from its second check: later uses are hits, without the key or the signature', async () => {
    const results: string[] = [];
    const { memo, verifier } = build({ onMemo: (result) => results.push(result) });
    const token = session();
    await verifier.verify(token, 'session');
    expect(memo.size).toBe(0);
    const second = await verifier.verify(token, 'session');
    expect(await verifier.verify(token, 'session')).toBe(second);
    expect(await verifier.verify(token, 'session')).toBe(second);
    expect(getKey).toHaveBeenCalledTimes(2);
    expect(results).toEqual(['miss', 'miss', 'hit', 'hit']);
  });

  it('takes no entry for tokens shown once, so they evict nothing in use', async () => {
    const { memo, verifier } = build({ memoMaxEntries: 2 });
    const inUse = session({ sub: 'kept' });
    await remember(verifier, inUse);
    for (let i = 0; i < 20; i++) await verifier.verify(session({ sub: `once${i}` }), 'session');
    expect(memo.size).toBe(1);
    expect(memo.get(inUse, 'session')?.claims.sub).toBe('kept');
  });

  it('never keeps a token past its exp, even where the clock tolerance would accept it', async () => {
    jest.useFakeTimers({ now: Date.now() });
    const { verifier } = build({ clockToleranceSeconds: 0 });
    const token = session({ exp: now() + 30 });
    await remember(verifier, token);
    jest.setSystemTime(Date.now() + 31_000);
    expect(await reason(verifier.verify(token, 'session'))).toMatch(/^expired/);
    const tolerant = build(); // 5 s tolerance: accepted, but already past exp, so not stored
    await remember(tolerant.verifier, session({ exp: now() - 2 }));
    expect(tolerant.memo.size).toBe(0);
  });

  it('stops serving a token whose key left the key set, and drops its entries', async () => {
    const { memo, verifier } = build();
    const token = session();
    await remember(verifier, token);
    expect(memo.size).toBe(1);
    trusted = false;
    expect(await reason(verifier.verify(token, 'session'))).toMatch(/unknown key/);
    dropped(new Set(['K1']));
    expect(memo.size).toBe(0);
  });

  it('keeps the kind: a cached session token is refused where a refresh token is needed, and back', async () => {
    const { verifier } = build();
    const sessionToken = session();
    const refreshToken = jwt({ sub: 'U1', iss: PROJECT, drn: 'DSR', exp: now() + 60 });
    await remember(verifier, sessionToken);
    await remember(verifier, refreshToken, 'refresh');
    expect(await reason(verifier.verify(sessionToken, 'refresh'))).toMatch(/^invalid/);
    expect(await reason(verifier.verify(refreshToken, 'session'))).toMatch(/^invalid/);
  });

  it('serves an entry only for the kind it was verified as', async () => {
    const { memo, verifier } = build();
    const sessionToken = session();
    await remember(verifier, sessionToken);
    expect(memo.get(sessionToken, 'refresh')).toBeUndefined();
    expect(memo.get(sessionToken, 'session')?.kind).toBe('session');
  });

  it('does not remember failures', async () => {
    const { memo, verifier } = build();
    const forged = `${session().slice(0, -4)}AAAA`;
    expect(await reason(verifier.verify(forged, 'session'))).toMatch(/signature/);
    expect(await reason(verifier.verify(forged, 'session'))).toMatch(/signature/);
    expect([getKey.mock.calls.length, memo.size]).toEqual([2, 0]);
  });

  it('asks isRevoked on every use, hits included', async () => {
    const revoked = new Set<string>();
    const { verifier } = build({ isRevoked: (t: VerifiedToken) => revoked.has(t.claims.sub) });
    const token = session();
    expect(await reason(remember(verifier, token))).toBe('ok');
    revoked.add('U1');
    expect(await reason(verifier.verify(token, 'session'))).toBe(`invalid: ${SESSION_ENDED}`);
  });

  it('holds at most memoMaxEntries tokens, and none with 0', async () => {
    const small = build({ memoMaxEntries: 2 });
    for (const sub of ['A', 'B', 'C']) await remember(small.verifier, session({ sub }));
    expect(small.memo.size).toBe(2);
    const off = build({ memoMaxEntries: 0 });
    const token = session();
    await off.verifier.verify(token, 'session');
    await off.verifier.verify(token, 'session');
    expect([off.memo.size, getKey.mock.calls.length]).toEqual([0, 2]);
  });
});
