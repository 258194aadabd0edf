import { base32Decode, base32Encode, matchTotp, totpCode, totpCounter } from './totp';

describe('totp', () => {
  // RFC 6238 appendix B: the SHA1 secret "12345678901234567890" (the 8-digit values end in these 6).
  const secret = base32Encode(Buffer.from('12345678901234567890'));

  it('round-trips base32', () => {
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret).toString()).toBe('12345678901234567890');
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC 6238 vector at T=%i', (seconds, code) => {
    expect(totpCode(secret, totpCounter(seconds * 1000))).toBe(code);
  });

  it('accepts one step either side, refuses older steps and reuse', () => {
    const now = 1_700_000_000_000;
    const counter = totpCounter(now);
    expect(matchTotp(secret, totpCode(secret, counter - 1), -1, now)).toBe(counter - 1);
    expect(matchTotp(secret, totpCode(secret, counter + 1), -1, now)).toBe(counter + 1);
    expect(matchTotp(secret, totpCode(secret, counter - 2), -1, now)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, counter), counter, now)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', -1, now)).toBeUndefined();
  });
});
