// Signing keys and tokens for the bench: the stub Descope publishes the public key, and the
// bench mints session tokens itself (thousands of distinct valid tokens cost about 1 ms each).
import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export const PROJECT_ID = 'P2BenchStubProject0000000000000';

const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

// Parsed private keys, beside the keys rather than on them: a key is passed to the stub as JSON,
// where a KeyObject property would arrive as `{}` and fail every signature.
const privateKeys = new WeakMap();

/** A new RSA-2048 signing key with its public JWK, as Descope publishes keys. */
export function newSigningKey(kid) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  return { kid, jwk, pem: privateKey.export({ format: 'pem', type: 'pkcs8' }) };
}

/** A Descope-shaped token (RS256, `kid`), valid for an hour unless `claims` says otherwise. */
export function mint(key, claims = {}) {
  const now = Math.floor(Date.now() / 1000);
  const header = part({ alg: 'RS256', kid: key.kid, typ: 'JWT' });
  const body = part({
    sub: 'U2benchuser',
    iss: PROJECT_ID,
    aud: [PROJECT_ID],
    iat: now,
    exp: now + 3600,
    drn: 'DS',
    amr: ['pwd'],
    roles: [],
    permissions: [],
    tenants: {},
    jti: randomUUID(),
    // The refresh token's expiry, as Descope's sessions carry it (revocation looks it up).
    rexp: new Date((now + 86_400) * 1000).toISOString().replace('.000Z', 'Z'),
    ...claims,
  });
  let privateKey = privateKeys.get(key);
  if (!privateKey) privateKeys.set(key, (privateKey = createPrivateKey(key.pem)));
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), privateKey);
  return `${header}.${body}.${signature.toString('base64url')}`;
}

/** `count` distinct session tokens. */
export const mintMany = (key, count) => Array.from({ length: count }, () => mint(key));

/**
 * `counts.length` pools of new session tokens, minted on every core at once (RSA signing is the
 * bench's longest set-up step). Call it before pinning this process: threads inherit its cores.
 */
export async function mintPools(key, counts) {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const threads = availableParallelism();
  const { pem, kid } = key;
  const share = (i) => Math.floor(total / threads) + (i < total % threads ? 1 : 0);
  const minted = await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const worker = new Worker(new URL('./mint-worker.mjs', import.meta.url), {
        workerData: { key: { pem, kid }, count: share(i) },
      });
      return new Promise((resolve, reject) =>
        worker
          .once('message', resolve)
          .once('error', reject)
          .once('exit', (code) => reject(new Error(`a mint worker exited with ${code}`))),
      );
    }),
  );
  const all = minted.flat();
  let from = 0;
  return counts.map((count) => all.slice(from, (from += count)));
}
