import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'auth-service refresh answer v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals the answer to a refresh for the other instances that get the same refresh token within
 * the reuse window: AES-256-GCM under a key derived (HKDF-SHA256) from the refresh token itself.
 * Redis names the answer by the token's SHA-256 and never holds the token, so what Redis holds
 * is no usable session to anyone who cannot present the refresh token it answers.
 */
export class RefreshAnswerCipher {
  private readonly key: Buffer;

  constructor(refreshJwt: string) {
    this.key = Buffer.from(hkdfSync('sha256', refreshJwt, '', INFO, 32));
  }

  seal(answer: object): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(answer)), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The answer, or undefined when the text was not sealed for this token (or was altered). */
  open<T>(sealed: string): T | undefined {
    try {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
      return JSON.parse(text.toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }
}
