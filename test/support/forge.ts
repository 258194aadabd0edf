import { constants, createHmac, generateKeyPairSync, KeyObject, sign } from 'node:crypto';

/** base64url of a JSON value, or of a raw string as given. */
export const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** What an attacker can sign with: keys of their own, and HMAC with any secret. */
export type Signer =
  | { kind: 'rsa' | 'rsa-pss' | 'ec'; key: KeyObject; hash: string }
  | { kind: 'hmac'; secret: string | Buffer; hash: string }
  | { kind: 'none' };

/** Signs `header.payload` as the signer says and answers the compact JWS. */
export function forge(header: object | string, claims: object | string, signer: Signer): string {
  const input = `${b64(header)}.${b64(claims)}`;
  const data = Buffer.from(input);
  let signature: Buffer;
  if (signer.kind === 'none') signature = Buffer.alloc(0);
  else if (signer.kind === 'hmac')
    signature = createHmac(signer.hash, signer.secret).update(data).digest();
  else if (signer.kind === 'rsa') signature = sign(signer.hash, data, signer.key);
  else if (signer.kind === 'rsa-pss') {
    const options = { key: signer.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    signature = sign(signer.hash, data, options);
  } else signature = sign(signer.hash, data, { key: signer.key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** An attacker's own keys. */
export const attackerKeys = () => ({
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
  ec: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
});

/** The same token with its last character swapped for one that decodes to the same bytes. */
export function nonCanonical(token: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = token.at(-1)!;
  return `${token.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
}
