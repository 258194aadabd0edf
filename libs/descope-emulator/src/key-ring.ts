import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';

/** The algorithms the emulator can sign with: RS256 as Descope does, or ES256/ES384. */
export const SIGNING_ALGS = ['RS256', 'ES256', 'ES384'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

const SPEC: Record<SigningAlg, { hash: string; curve?: 'P-256' | 'P-384' }> = {
  RS256: { hash: 'sha256' },
  ES256: { hash: 'sha256', curve: 'P-256' },
  ES384: { hash: 'sha384', curve: 'P-384' },
};

/** A public key as the JWKS serves it. */
export type PublicJwk = { kid: string; alg: SigningAlg; use: 'sig'; kty: string } & Record<
  string,
  string
>;

/** A signing key as a saved state holds it. */
export interface SavedKey {
  kid: string;
  privateKeyPem: string;
  retiresAt?: number;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** When set, the key leaves the JWKS (and stops verifying) at this time (ms). */
  retiresAt?: number;
}

const b64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

/**
 * Signing keys (RSA-2048, or EC for ES*), newest first. Rotation adds a key and signs with it
 * from then on; the previous keys stay published for a grace period so tokens already out keep
 * verifying.
 */
export class KeyRing {
  private keys: SigningKey[] = [];

  constructor(
    private readonly graceSeconds: number,
    readonly alg: SigningAlg = 'RS256',
  ) {
    this.keys.push(this.generate());
  }

  private generate(): SigningKey {
    const { curve } = SPEC[this.alg];
    const { privateKey, publicKey } = curve
      ? generateKeyPairSync('ec', { namedCurve: curve })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { kid: `K${randomBytes(12).toString('hex')}`, privateKey, publicKey };
  }

  /** The keys in service with their private halves (PKCS#8 PEM), for a saved state. */
  exportKeys(): SavedKey[] {
    this.prune();
    return this.keys.map(({ kid, privateKey, retiresAt }) => ({
      kid,
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      ...(retiresAt === undefined ? {} : { retiresAt }),
    }));
  }

  /** Replaces the keys with saved ones (newest first): tokens they signed verify again. */
  importKeys(saved: SavedKey[]): void {
    if (!saved.length) throw new Error('the saved state has no signing key');
    this.keys = saved.map(({ kid, privateKeyPem, retiresAt }) => {
      const privateKey = createPrivateKey(privateKeyPem);
      return { kid, privateKey, publicKey: createPublicKey(privateKey), retiresAt };
    });
  }

  /** The kid new tokens are signed with. */
  get currentKid(): string {
    return this.keys[0].kid;
  }

  /** Adds a new signing key; `drop` removes the older ones at once instead of after the grace. */
  rotate(drop = false): { kid: string; retired: string[] } {
    this.prune();
    const retiresAt = drop ? 0 : Date.now() + this.graceSeconds * 1000;
    for (const key of this.keys) key.retiresAt = Math.min(key.retiresAt ?? Infinity, retiresAt);
    this.keys.unshift(this.generate());
    const retired = this.keys.slice(1).map((key) => key.kid);
    this.prune();
    return { kid: this.currentKid, retired };
  }

  /** The public keys still in service, as `{keys: [...]}`. */
  jwks(): { keys: PublicJwk[] } {
    this.prune();
    return {
      keys: this.keys.map(({ kid, publicKey }) => {
        const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
        return { ...jwk, kid, alg: this.alg, use: 'sig' } as PublicJwk;
      }),
    };
  }

  /** Signs the claims as a JWS with the current key; `extraHeader` is for tests. */
  sign(claims: Record<string, unknown>, extraHeader: Record<string, unknown> = {}): string {
    const fields = { alg: this.alg, kid: this.currentKid, typ: 'JWT', ...extraHeader };
    const input = `${b64url(JSON.stringify(fields))}.${b64url(JSON.stringify(claims))}`;
    const key = { key: this.keys[0].privateKey, dsaEncoding: 'ieee-p1363' as const };
    return `${input}.${b64url(sign(SPEC[this.alg].hash, Buffer.from(input), key))}`;
  }

  /**
   * Verifies a JWS against the keys in service and returns its claims, or `undefined` when the
   * token is malformed, its algorithm or key is not the ring's, or the signature is wrong.
   */
  verify(token: string): Record<string, unknown> | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString()) as {
        alg?: string;
        kid?: string;
      };
      this.prune();
      const key = this.keys.find((candidate) => candidate.kid === header.kid);
      if (header.alg !== this.alg || !key) return undefined;
      const signature = Buffer.from(parts[2], 'base64url');
      const input = Buffer.from(`${parts[0]}.${parts[1]}`);
      const options = { key: key.publicKey, dsaEncoding: 'ieee-p1363' as const };
      if (!verify(SPEC[this.alg].hash, input, options, signature)) return undefined;
      return JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  private prune(): void {
    const now = Date.now();
    this.keys = this.keys.filter((key, index) => index === 0 || (key.retiresAt ?? Infinity) > now);
  }
}
