import { KeyRing } from './key-ring';

describe('KeyRing', () => {
  const ring = new KeyRing(600);

  it('verifies what it signs and refuses tampering', () => {
    const token = ring.sign({ sub: 'U1' });
    expect(ring.verify(token)).toEqual({ sub: 'U1' });
    const [head, , signature] = token.split('.');
    const body = Buffer.from(JSON.stringify({ sub: 'U2' })).toString('base64url');
    expect(ring.verify(`${head}.${body}.${signature}`)).toBeUndefined();
    expect(ring.verify('not.a.jwt')).toBeUndefined();
    expect(ring.verify('')).toBeUndefined();
  });

  it('refuses alg none and unknown kids', () => {
    const none = (header: object) =>
      `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect(ring.verify(none({ alg: 'none', kid: ring.currentKid }))).toBeUndefined();
    expect(ring.verify(none({ alg: 'RS256', kid: 'unknown' }))).toBeUndefined();
  });

  it('keeps the old key through the grace period and drops it on demand', () => {
    const local = new KeyRing(600);
    const old = local.sign({ n: 1 });
    const { kid, retired } = local.rotate();
    expect(kid).not.toBe(retired[0]);
    expect(local.jwks().keys.map((key) => key.kid)).toEqual([kid, retired[0]]);
    expect(local.verify(old)).toEqual({ n: 1 });
    local.rotate(true);
    expect(local.jwks().keys).toHaveLength(1);
    expect(local.verify(old)).toBeUndefined();
  });
});
