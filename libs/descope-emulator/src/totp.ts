import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_PERIOD_SECONDS = 30;

/** RFC 4648 base32 without padding, as authenticator apps take secrets. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A fresh 160-bit secret, base32. */
export const newTotpSecret = () => base32Encode(randomBytes(20));

/** The time step a moment falls in. */
export const totpCounter = (atMs = Date.now()) => Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);

/** RFC 6238 / RFC 4226: HMAC-SHA1, dynamic truncation, 6 digits. */
export function totpCode(secret: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 1_000_000).toString().padStart(6, '0');
}

/**
 * The time step a code belongs to, within one step either side of now, or `undefined`.
 * Steps at or before `lastUsed` are refused: a code that worked once never works again.
 */
export function matchTotp(
  secret: string,
  code: string,
  lastUsed = -1,
  now = Date.now(),
): number | undefined {
  const current = totpCounter(now);
  for (const counter of [current - 1, current, current + 1]) {
    if (counter <= lastUsed) continue;
    const expected = Buffer.from(totpCode(secret, counter));
    const given = Buffer.from(code);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return counter;
  }
  return undefined;
}
