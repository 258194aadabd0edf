import { bodyFault } from './body-shape';

describe('bodyFault', () => {
  it('accepts an object within the depth limit', () => {
    expect(bodyFault({ a: [{ b: 'c' }], d: 1 }, 4)).toBeUndefined();
  });

  it('refuses anything but an object at the top', () => {
    for (const body of [[], 'x', 1, null, true]) expect(bodyFault(body, 32)).toBe('not-an-object');
  });

  it('refuses nesting beyond the limit without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(bodyFault({ a: deep }, 32)).toBe('too-deep');
    expect(bodyFault({ a: { b: { c: 1 } } }, 3)).toBeUndefined();
    expect(bodyFault({ a: { b: { c: {} } } }, 3)).toBe('too-deep');
  });

  it('refuses lone surrogates in values and keys', () => {
    expect(bodyFault({ loginId: 'a\ud800' }, 32)).toBe('not-well-formed');
    expect(bodyFault({ ['\udc00']: 1 }, 32)).toBe('not-well-formed');
    expect(bodyFault({ name: 'José 🎉' }, 32)).toBeUndefined();
  });
});
