import { accountKey, clientKey } from './budget-keys';

describe('budget keys', () => {
  it('spells every variant of a login id one way', () => {
    const variants = [
      'Kosé@Example.com',
      ' kosé@example.com\u3000',
      '\u212aose\u0301@EXAMPLE.com',
      '\ufeffkosé@example.com',
    ];
    expect(new Set(variants.map(accountKey))).toEqual(new Set(['kosé@example.com']));
  });

  it('keys IPv4 clients by address and IPv6 clients by their /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
