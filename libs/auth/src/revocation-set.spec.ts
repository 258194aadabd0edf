import { encodeRevocation, familyOf, parseRevocation, Revocation, tokenHash } from './revocation';
import { RevocationSet } from './revocation-set';
import { TokenKind, VerifiedToken } from './verified-token';

const now = Math.floor(Date.now() / 1000);
const token = (
  claims: { sub?: string; iat?: number; exp?: number; rexp?: string },
  kind: TokenKind = 'session',
  jwt = `jwt-${Math.random()}`,
): VerifiedToken => {
  const full = { sub: 'U1', iss: 'P', drn: 'DS', exp: now + 600, iat: now - 10, ...claims };
  return { jwt, kind, claims: full, family: familyOf(full, kind) };
};
const rexpOf = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

describe('RevocationSet', () => {
  let set: RevocationSet;
  beforeEach(() => (set = new RevocationSet()));
  afterEach(() => set.onModuleDestroy());

  it('refuses tokens of a user issued before the not-before, and no later one', () => {
    set.apply({ type: 'user', sub: 'U1', notBefore: now, until: now + 600 });
    expect(set.revokes(token({ iat: now - 1 }))).toBe(true);
    expect(set.revokes(token({ iat: now }))).toBe(false);
    expect(set.revokes(token({ iat: now - 1, sub: 'U2' }))).toBe(false);
    // A token without `iat` cannot show it is newer: refused.
    expect(set.revokes(token({ iat: undefined }))).toBe(true);
  });

  it('keeps the later of two not-befores, whatever order they arrive in', () => {
    set.apply({ type: 'user', sub: 'U1', notBefore: now, until: now + 600 });
    expect(set.apply({ type: 'user', sub: 'U1', notBefore: now - 5, until: now + 600 })).toBe(
      false,
    );
    expect(set.revokes(token({ iat: now - 1 }))).toBe(true);
    expect(set.size).toBe(1);
  });

  it('refuses the sessions of a family issued before the logout, not its siblings', () => {
    const rexp = now + 3600;
    set.apply({ type: 'family', sub: 'U1', rexp, notBefore: now, until: now + 600 });
    expect(set.revokes(token({ rexp: rexpOf(rexp) }))).toBe(true);
    // A later session of a refresh token that shares the expiry (minted in the same second).
    expect(set.revokes(token({ rexp: rexpOf(rexp), iat: now }))).toBe(false);
    expect(set.revokes(token({ exp: rexp }, 'refresh'))).toBe(false);
    expect(set.revokes(token({ rexp: rexpOf(rexp + 1) }))).toBe(false);
    expect(set.revokes(token({ rexp: rexpOf(rexp), sub: 'U2' }))).toBe(false);
    expect(set.revokes(token({}))).toBe(false);
  });

  it('refuses one exact token by its hash, memo hits (the same object) included', () => {
    const carried = token({}, 'session', 'the.carried.jwt');
    set.apply({ type: 'token', sub: 'U1', hash: tokenHash('the.carried.jwt'), until: now + 600 });
    expect(set.revokes(carried)).toBe(true);
    expect(set.revokes(carried)).toBe(true);
    expect(set.revokes(token({}, 'session', 'another.jwt'))).toBe(false);
  });

  it('ignores entries already over, and sweeps out the ones that end', () => {
    expect(set.apply({ type: 'user', sub: 'U1', notBefore: now, until: now - 1 })).toBe(false);
    set.apply({ type: 'user', sub: 'U1', notBefore: now, until: now + 60 });
    set.apply({ type: 'family', sub: 'U2', rexp: now + 99, notBefore: now, until: now + 60 });
    set.apply({ type: 'token', sub: 'U3', hash: tokenHash('x'), until: now + 120 });
    expect(set.size).toBe(3);
    set.sweep(now + 61);
    expect(set.size).toBe(1);
    set.sweep(now + 121);
    expect(set.size).toBe(0);
  });
});

describe('the text form of revocations', () => {
  const all: Revocation[] = [
    { type: 'user', sub: 'U1', notBefore: now, until: now + 1 },
    { type: 'family', sub: 'U1', rexp: now + 9, notBefore: now, until: now + 1 },
    { type: 'token', sub: 'U1', hash: tokenHash('t'), until: now + 1 },
  ];

  it.each(all)('reads back what it writes (%j)', (revocation) => {
    expect(parseRevocation(encodeRevocation(revocation))).toEqual(revocation);
  });

  it.each([
    'not json',
    'null',
    '[]',
    '{"type":"user","sub":"U1","notBefore":"1","until":2}',
    '{"type":"family","sub":"","rexp":1,"until":2}',
    '{"type":"token","sub":"U1","hash":"short","until":2}',
    '{"type":"other","sub":"U1","until":2}',
    '{"type":"user","sub":"U1","notBefore":1.5,"until":2}',
  ])('refuses %s', (text) => {
    expect(parseRevocation(text)).toBeUndefined();
  });
});
