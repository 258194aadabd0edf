import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { isJwsAlgorithm, JWS_ALGORITHMS, JwsAlgorithm } from './jws-algorithms';

/** A signing key of the key set, with the one algorithm tokens under it may use. */
export interface SigningKey {
  key: KeyObject;
  alg: JwsAlgorithm;
}

type Jwk = JsonWebKey & { kid?: unknown; alg?: unknown; use?: unknown };

/** The algorithm a JWK is for: the one it declares, RS256 when it declares none. */
function algorithmOf(jwk: Jwk): JwsAlgorithm | undefined {
  const alg = jwk.alg ?? 'RS256';
  if (!isJwsAlgorithm(alg)) return undefined;
  const spec = JWS_ALGORITHMS[alg];
  if (spec.family === 'EC') return jwk.kty === 'EC' && jwk.crv === spec.curve ? alg : undefined;
  return jwk.kty === 'RSA' ? alg : undefined;
}

function importKey(jwk: Jwk): SigningKey | undefined {
  if (typeof jwk?.kid !== 'string' || !jwk.kid || (jwk.use !== undefined && jwk.use !== 'sig')) {
    return undefined;
  }
  const alg = algorithmOf(jwk);
  if (!alg) return undefined;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (JWS_ALGORITHMS[alg].family !== 'EC' && (bits ?? 0) < 2048) return undefined;
  return { key, alg };
}

/**
 * The usable signing keys of a JWKS by `kid`: RSA (at least 2048 bits) or EC keys for an
 * asymmetric algorithm. Symmetric (`oct`) keys, keys for another use, and any key that does
 * not import are skipped: one bad key must not take the others down with it.
 */
export function importKeySet(body: unknown): Map<string, SigningKey> {
  const list = (body as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new Error('the key set has no "keys" array');
  const keys = new Map<string, SigningKey>();
  for (const jwk of list as Jwk[]) {
    try {
      const imported = importKey(jwk);
      if (imported) keys.set(jwk.kid as string, imported);
    } catch {
      // Skipped: see above.
    }
  }
  return keys;
}
