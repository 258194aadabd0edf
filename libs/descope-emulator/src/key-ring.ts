import { generateKeyPairSync, KeyObject, randomBytes, sign, verify } from 'node:crypto';

/** A public key as the JWKS serves it. */
export interface PublicJwk {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
  n: string;
  e: string;
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
 * RSA-2048 signing keys, newest first. Rotation adds a key and signs with it from then on;
 * the previous keys stay published for a grace period so tokens already out keep verifying.
 */
export class KeyRing {
  private keys: SigningKey[] = [];

  constructor(private readonly graceSeconds: number) {
    this.keys.push(KeyRing.generate());
  }

  private static generate(): SigningKey {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { kid: `K${randomBytes(12).toString('hex')}`, privateKey, publicKey };
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
    this.keys.unshift(KeyRing.generate());
    const retired = this.keys.slice(1).map((key) => key.kid);
    this.prune();
    return { kid: this.currentKid, retired };
  }

  /** The public keys still in service, as `{keys: [...]}`. */
  jwks(): { keys: PublicJwk[] } {
    this.prune();
    return {
      keys: this.keys.map(({ kid, publicKey }) => {
        const { n, e } = publicKey.export({ format: 'jwk' });
        return { kty: 'RSA', kid, alg: 'RS256', use: 'sig', n: n!, e: e! };
      }),
    };
  }

  /** Signs the claims as an RS256 JWS with the current key; `extraHeader` is for tests. */
  sign(claims: Record<string, unknown>, extraHeader: Record<string, unknown> = {}): string {
    const fields = { alg: 'RS256', kid: this.currentKid, typ: 'JWT', ...extraHeader };
    const header = b64url(JSON.stringify(fields));
    const input = `${header}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), this.keys[0].privateKey))}`;
  }

  /**
   * Verifies an RS256 JWS against the keys in service and returns its claims, or `undefined`
   * when the token is malformed, its key is unknown or retired, or the signature is wrong.
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
      if (header.alg !== 'RS256' || !key) return undefined;
      const signature = Buffer.from(parts[2], 'base64url');
      const input = Buffer.from(`${parts[0]}.${parts[1]}`);
      if (!verify('sha256', input, key.publicKey, signature)) return undefined;
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
