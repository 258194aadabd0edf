import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { AuthTokenError } from './auth-token.error';
import { JwksKeyStore } from './jwks-key-store';
import { RevocationSet } from './revocation-set';
import { canonical, TokenVerifier } from './token-verifier';
import { VerifiedTokenMemo } from './verified-token-memo';

const PROJECT = 'P2project';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(
  claims: object,
  header: object = { alg: 'RS256', kid: 'K1' },
  key: KeyObject = privateKey,
): string {
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** The same token with its signature's last character changed to one that decodes the same. */
function nonCanonical(token: string): string {
  const last = token.at(-1)!;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const twin = alphabet[alphabet.indexOf(last) ^ 1];
  return `${token.slice(0, -1)}${twin}`;
}

describe('TokenVerifier', () => {
  const keys = {
    getKey: (kid: string) =>
      Promise.resolve(kid === 'K1' ? { key: publicKey, alg: 'RS256' } : undefined),
    has: (kid: string) => kid === 'K1',
    onKeysDropped: () => undefined,
  } as unknown as JwksKeyStore;
  const options = { projectId: PROJECT, baseUrl: 'https://auth.example.com/' };
  const revocations = new RevocationSet();
  // The memo is on, as in production: every refusal below must also hold for a second look.
  const verifier = new TokenVerifier(
    keys,
    new VerifiedTokenMemo(keys, options),
    revocations,
    options,
  );
  const now = Math.floor(Date.now() / 1000);
  const good = { sub: 'U1', iss: PROJECT, drn: 'DS', exp: now + 60, iat: now };
  const reason = (token: string | undefined, kind: 'session' | 'refresh' = 'session') =>
    verifier.verify(token, kind).then(
      () => 'ok',
      (error: AuthTokenError) => `${error.reason}: ${error.detail}`,
    );

  it('accepts a good token and hands back its claims', async () => {
    await expect(verifier.verify(jwt(good), 'session')).resolves.toMatchObject({
      kind: 'session',
      claims: good,
    });
  });

  it.each(['https://api.descope.com', 'https://api.use1.descope.com', 'https://auth.example.com'])(
    'accepts iss as %s/<projectId>',
    async (origin) => {
      await expect(reason(jwt({ ...good, iss: `${origin}/${PROJECT}` }))).resolves.toBe('ok');
    },
  );

  it.each([
    ['no token', undefined, 'missing: A session token is required'],
    ['garbage', 'not-a-jwt', 'invalid: The token is not a well-formed JWT'],
    [
      'alg none',
      `${part({ alg: 'none', kid: 'K1' })}.${part(good)}.`,
      'invalid: The token is not a well-formed JWT',
    ],
    [
      'HS256',
      jwt(good, { alg: 'HS256', kid: 'K1' }),
      'invalid: The token is not signed with an allowed algorithm',
    ],
    [
      'PS256 under an RS256 key',
      jwt(good, { alg: 'PS256', kid: 'K1' }),
      "invalid: The token's algorithm is not its key's",
    ],
    [
      'RS512 under an RS256 key',
      jwt(good, { alg: 'RS512', kid: 'K1' }),
      "invalid: The token's algorithm is not its key's",
    ],
    [
      'a crit header',
      jwt(good, { alg: 'RS256', kid: 'K1', crit: ['exp'] }),
      'invalid: The token has critical header extensions',
    ],
    ['no kid', jwt(good, { alg: 'RS256' }), 'invalid: The token has no valid key id'],
    [
      'a 6,000-character kid',
      jwt(good, { alg: 'RS256', kid: 'k'.repeat(6000) }),
      'invalid: The token has no valid key id',
    ],
    [
      'unknown kid',
      jwt(good, { alg: 'RS256', kid: 'K9' }),
      'invalid: The token was signed with an unknown key',
    ],
    [
      'another key',
      jwt(good, undefined, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
      'invalid: The token signature is not valid',
    ],
    [
      'a non-canonical signature',
      nonCanonical(jwt(good)),
      'invalid: The token is not a well-formed JWT',
    ],
    ['a refresh token', jwt({ ...good, drn: 'DSR' }), 'invalid: A session token is required here'],
    ['no exp', jwt({ ...good, exp: undefined }), 'invalid: The token has no expiry'],
    ['a string iat', jwt({ ...good, iat: 'now' }), 'invalid: The token has a malformed issue time'],
    ['a future nbf', jwt({ ...good, nbf: now + 60 }), 'invalid: The token is not valid yet'],
    [
      'another issuer',
      jwt({ ...good, iss: 'P2other' }),
      'invalid: The token was issued for another project',
    ],
    [
      'the project not last in the URL',
      jwt({ ...good, iss: `https://x/${PROJECT}/mcp` }),
      'invalid: The token was issued for another project',
    ],
    [
      'a foreign host',
      jwt({ ...good, iss: `https://evil.example/${PROJECT}` }),
      'invalid: The token was issued for another project',
    ],
    [
      'a look-alike Descope host',
      jwt({ ...good, iss: `https://api.descope.com.evil.example/${PROJECT}` }),
      'invalid: The token was issued for another project',
    ],
    ['no sub', jwt({ ...good, sub: '' }), 'invalid: The token names no user'],
    ['expired', jwt({ ...good, exp: now - 10 }), 'expired: The session token has expired'],
  ])('refuses %s', async (_name, token, expected) => {
    await expect(reason(token)).resolves.toBe(expected);
  });

  it('allows 5 seconds of clock skew on exp and nbf', async () => {
    await expect(reason(jwt({ ...good, exp: now - 2, nbf: now + 2 }))).resolves.toBe('ok');
  });

  it('checks the kind the route needs', async () => {
    await expect(reason(jwt(good), 'refresh')).resolves.toBe(
      'invalid: A refresh token is required here',
    );
    await expect(reason(jwt({ ...good, drn: 'DSR' }), 'refresh')).resolves.toBe('ok');
  });
});

describe('canonical', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const roundTrips = (segment: string) =>
    /^[A-Za-z0-9_-]+$/.test(segment) &&
    Buffer.from(segment, 'base64url').toString('base64url') === segment;

  it('answers as decoding and re-encoding would, for every length and last character', () => {
    let seed = 7; // xorshift32: a fixed sequence of characters
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % 64;
    };
    const segments = ['', 'QQ==', 'a b', 'QQ', 'QR', 'QUE', 'QUF', 'Q'];
    for (let length = 1; length <= 9; length++)
      for (let i = 0; i < 2000; i++)
        segments.push(Array.from({ length }, () => ALPHABET[next()]).join(''));
    const differing = segments.filter((segment) => canonical(segment) !== roundTrips(segment));
    expect(differing).toEqual([]);
    expect(segments.filter(canonical).length).toBeGreaterThan(1000);
    expect(segments.filter((segment) => !canonical(segment)).length).toBeGreaterThan(1000);
  });
});
