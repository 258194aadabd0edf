import { randomBytes } from 'node:crypto';
import { MemoDoorkeeper } from './memo-doorkeeper';

const token = () =>
  `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJVMSJ9.${randomBytes(256).toString('base64url')}`;

describe('MemoDoorkeeper', () => {
  it('admits a token the second time it is offered, and after', () => {
    const doorkeeper = new MemoDoorkeeper();
    const jwt = token();
    expect([doorkeeper.admit(jwt), doorkeeper.admit(jwt), doorkeeper.admit(jwt)]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('admits none of many tokens offered once each', () => {
    const doorkeeper = new MemoDoorkeeper();
    const admitted = Array.from({ length: 5000 }, token).filter((jwt) => doorkeeper.admit(jwt));
    expect(admitted).toEqual([]);
  });

  it('only delays a token whose mark another token overwrote (a table of one slot)', () => {
    const doorkeeper = new MemoDoorkeeper(0);
    const [first, second] = [token(), token()];
    expect([doorkeeper.admit(first), doorkeeper.admit(second)]).toEqual([false, false]);
    expect([doorkeeper.admit(first), doorkeeper.admit(first)]).toEqual([false, true]);
  });

  it('tells tokens apart by their signatures, not their shared header and claims', () => {
    const doorkeeper = new MemoDoorkeeper();
    const jwt = token();
    doorkeeper.admit(jwt);
    expect(doorkeeper.admit(`${jwt.slice(0, -10)}AAAAAAAAAA`)).toBe(false);
  });
});
