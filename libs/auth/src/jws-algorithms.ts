import { constants, KeyObject, verify } from 'node:crypto';

/** The asymmetric JWS algorithms a Descope key may declare; never `none`, never HMAC. */
export const JWS_ALGORITHMS = {
  RS256: { family: 'RSA', hash: 'sha256' },
  RS384: { family: 'RSA', hash: 'sha384' },
  RS512: { family: 'RSA', hash: 'sha512' },
  PS256: { family: 'RSA-PSS', hash: 'sha256', saltLength: 32 },
  PS384: { family: 'RSA-PSS', hash: 'sha384', saltLength: 48 },
  PS512: { family: 'RSA-PSS', hash: 'sha512', saltLength: 64 },
  ES256: { family: 'EC', hash: 'sha256', curve: 'P-256' },
  ES384: { family: 'EC', hash: 'sha384', curve: 'P-384' },
  ES512: { family: 'EC', hash: 'sha512', curve: 'P-521' },
} as const;

export type JwsAlgorithm = keyof typeof JWS_ALGORITHMS;

export const isJwsAlgorithm = (alg: unknown): alg is JwsAlgorithm =>
  typeof alg === 'string' && Object.hasOwn(JWS_ALGORITHMS, alg);

/** True when `signature` signs `signed` under `key` with `alg` (RFC 7518 §3). */
export function verifyJws(alg: JwsAlgorithm, signed: Buffer, key: KeyObject, signature: Buffer) {
  const spec = JWS_ALGORITHMS[alg];
  if (spec.family === 'RSA') return verify(spec.hash, signed, key, signature);
  if (spec.family === 'RSA-PSS') {
    const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: spec.saltLength };
    return verify(spec.hash, signed, options, signature);
  }
  return verify(spec.hash, signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
}
