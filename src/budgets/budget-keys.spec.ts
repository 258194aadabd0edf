import { accountKey, clientKey, redisEpochKey, redisWindowKey } from './budget-keys';

/** What Redis Cluster hashes: the text between the first `{` and the first `}` after it. */
const hashTag = (key: string) => /\{([^}]+)\}/.exec(key)?.[1];

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

  it('tags the Redis keys of a group with one hash tag, whatever the group holds', () => {
    for (const group of ['ada@example.com', 'a}b{c@example.com', '{x}', 'channel:sms']) {
      const keys = ['guess:account:x:60000', 'guess:client:10.0.0.1:x:900000'].map((key) =>
        redisWindowKey('test', { key, group, limit: 1, windowMs: 1 }),
      );
      expect(new Set(keys.map(hashTag))).toEqual(new Set([`test:budget:${group.split('}')[0]}`]));
    }
    expect(redisEpochKey('auth-service', 'ada@example.com')).toBe(
      'auth-service:budget:epoch:ada@example.com',
    );
  });
});
