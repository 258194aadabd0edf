import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { JwksKeyStore } from '../../libs/auth/src/jwks-key-store';
import { RevocationSet } from '../../libs/auth/src/revocation-set';
import { TokenVerifier } from '../../libs/auth/src/token-verifier';
import { VerifiedTokenMemo } from '../../libs/auth/src/verified-token-memo';
import { attackerKeys, b64, forge, nonCanonical, Signer } from '../support/forge';

const SEED = 20261123;
const RUNS = 4000;
const PROJECT = 'P2DiffProject00000000000000000';
const BASE = 'https://auth.example.com';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const realJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'K1', alg: 'RS256', use: 'sig' };
const mine = attackerKeys();
const now = Math.floor(Date.now() / 1000);

const SIGNERS: Record<string, Signer> = {
  real: { kind: 'rsa', key: privateKey, hash: 'sha256' },
  realRs512: { kind: 'rsa', key: privateKey, hash: 'sha512' },
  realPss: { kind: 'rsa-pss', key: privateKey, hash: 'sha256' },
  attacker: { kind: 'rsa', key: mine.rsa, hash: 'sha256' },
  attackerEc: { kind: 'ec', key: mine.ec, hash: 'sha256' },
  hmacPub: { kind: 'hmac', secret: JSON.stringify(realJwk), hash: 'sha256' },
  none: { kind: 'none' },
};

/** A valid token's fields; each generated case edits up to two of them, then maybe the text. */
const VALID = {
  alg: 'RS256' as unknown,
  kid: 'K1' as unknown,
  crit: false,
  signer: 'real',
  exp: (now + 600) as unknown,
  nbf: undefined as unknown,
  iat: now as unknown,
  iss: PROJECT as unknown,
  sub: 'U1' as unknown,
  drn: 'DS' as unknown,
};
type Fields = typeof VALID;

const ALTERNATIVES: { [K in keyof Fields]: Fields[K][] } = {
  alg: ['RS512', 'PS256', 'ES256', 'HS256', 'none', 'None', 'rs256', ''],
  kid: ['K2', '', 7, undefined, 'K1 '],
  crit: [true],
  signer: Object.keys(SIGNERS),
  exp: [now - 3, now - 60, `${now + 600}`, undefined, 1e20, -1],
  nbf: [now - 10, now + 3, now + 600, 'soon', null],
  iat: [undefined, 'today', null, now + 10_000],
  iss: [
    `${BASE}/${PROJECT}`,
    `https://api.descope.com/${PROJECT}`,
    `https://evil.example/${PROJECT}`,
    `${PROJECT}/`,
    'P2Other',
    undefined,
  ],
  sub: ['', 1, undefined, 'admin'],
  drn: ['DSR', undefined, 'ds'],
};

const editArb = fc
  .constantFrom(...(Object.keys(ALTERNATIVES) as (keyof Fields)[]))
  .chain((field) =>
    fc.constantFrom(...(ALTERNATIVES[field] as unknown[])).map((value) => ({ field, value })),
  );
const tokenArb = fc.record({
  edits: fc.array(editArb, { maxLength: 2 }),
  mutation: fc.constantFrom(
    'none',
    'none',
    'none',
    'truncate',
    'flip',
    'canonical',
    'pad',
    'swapSig',
  ),
  position: fc.nat(),
});

type Case = typeof tokenArb extends fc.Arbitrary<infer T> ? T : never;

function build({ edits, mutation, position }: Case): string {
  const c = { ...VALID } as Record<keyof Fields, unknown>;
  for (const { field, value } of edits) c[field] = value;
  const header = { alg: c.alg, kid: c.kid, ...(c.crit ? { crit: ['exp'] } : {}) };
  const claims = { exp: c.exp, nbf: c.nbf, iat: c.iat, iss: c.iss, sub: c.sub, drn: c.drn };
  const token = forge(header, claims, SIGNERS[c.signer as string]);
  const at = position % Math.max(1, token.length);
  switch (mutation) {
    case 'truncate':
      return token.slice(0, at);
    case 'flip':
      return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    case 'canonical':
      return nonCanonical(token);
    case 'pad':
      return `${token}=`;
    case 'swapSig':
      return `${b64(header)}.${b64({ ...claims, sub: 'admin' })}.${token.split('.')[2]}`;
    default:
      return token;
  }
}

describe('Security: TokenVerifier never accepts what jose refuses', () => {
  const keyStore = {
    getKey: (kid: string) =>
      Promise.resolve(kid === 'K1' ? { key: publicKey, alg: 'RS256' as const } : undefined),
    has: (kid: string) => kid === 'K1',
    onKeysDropped: () => undefined,
  } as unknown as JwksKeyStore;
  const options = { projectId: PROJECT, baseUrl: BASE };
  const verifier = new TokenVerifier(
    keyStore,
    new VerifiedTokenMemo(keyStore, options),
    new RevocationSet(),
    options,
  );
  const jwks = createLocalJWKSet({ keys: [realJwk] });
  const joseAccepts = (token: string) =>
    jwtVerify(token, jwks, {
      algorithms: ['RS256'],
      issuer: [PROJECT, `${BASE}/${PROJECT}`, `https://api.descope.com/${PROJECT}`],
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 5,
    }).then(
      () => true,
      () => false,
    );
  const oursAccepts = (token: string) =>
    verifier.verify(token, 'session').then(
      () => true,
      () => false,
    );

  it(`agrees on ${RUNS} generated tokens (seed ${SEED})`, async () => {
    const tally = { tried: 0, jose: 0, ours: 0 };
    await fc.assert(
      fc.asyncProperty(tokenArb, async (c) => {
        const token = build(c);
        const [jose, ours] = await Promise.all([joseAccepts(token), oursAccepts(token)]);
        tally.tried += 1;
        tally.jose += Number(jose);
        tally.ours += Number(ours);
        return !ours || jose;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`tokens: ${tally.tried}, jose accepted ${tally.jose}, the service ${tally.ours}`);
    expect(tally.ours).toBeGreaterThan(RUNS / 10); // the generator does produce valid tokens
  }, 60_000);
});
