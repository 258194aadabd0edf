import { createHash } from 'node:crypto';
import { MemoDoorkeeper } from './memo-doorkeeper';

// Signature-like tails from a counter, so the run is the same every time (random ones would
// collide in 32 bits about once in 340 runs of 5,000).
let counter = 0;
const token = () => {
  const tail = createHash('sha512').update(String(counter++)).digest('base64url');
  return `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJVMSJ9.${tail}`;
};

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

  it('tells apart tokens that differ only at the end of their signatures', () => {
    const doorkeeper = new MemoDoorkeeper();
    const jwt = token();
    doorkeeper.admit(jwt);
    expect(doorkeeper.admit(`${jwt.slice(0, -10)}AAAAAAAAAA`)).toBe(false);
  });
});
