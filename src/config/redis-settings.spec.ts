import { validateEnvironment } from './env.validation';
import { redisTopologyOf } from './redis-settings';

const SECRET = { DEVICE_TOKEN_SECRET: 's'.repeat(32) };
const topology = (env: Record<string, string>) =>
  redisTopologyOf(validateEnvironment({ ...SECRET, ...env }));

describe('Redis settings', () => {
  it('reads no Redis by default, and the key prefix auth-service', () => {
    const config = validateEnvironment({});
    expect([redisTopologyOf(config), config.REDIS_KEY_PREFIX]).toEqual([undefined, 'auth-service']);
  });

  it('takes REDIS_URL, or its old name RATE_LIMIT_REDIS_URL; REDIS_URL wins over it', () => {
    const url = 'redis://127.0.0.1:6379';
    expect(topology({ REDIS_URL: url })).toEqual({ kind: 'standalone', url });
    expect(topology({ RATE_LIMIT_REDIS_URL: url })).toEqual({ kind: 'standalone', url });
    expect(topology({ REDIS_URL: url, RATE_LIMIT_REDIS_URL: 'redis://old:6379' })).toEqual({
      kind: 'standalone',
      url,
    });
  });

  it('reads a cluster from its seed nodes, REDIS_URL then giving only credentials and TLS', () => {
    expect(
      topology({
        REDIS_CLUSTER_NODES: ' redis-1:7000, 10.0.0.2:7001,[::1]:7002,',
        REDIS_URL: 'rediss://:pw@x',
      }),
    ).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      url: 'rediss://:pw@x',
    });
  });

  it('reads sentinels with the name of the master they watch', () => {
    expect(
      topology({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'mymaster' }),
    ).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'mymaster',
      url: undefined,
    });
  });

  it('refuses sentinels without a name, a name without sentinels, and both topologies at once', () => {
    expect(() => topology({ REDIS_SENTINELS: 's1:26379' })).toThrow(
      'REDIS_SENTINEL_NAME: required with REDIS_SENTINELS',
    );
    expect(() => topology({ REDIS_SENTINEL_NAME: 'mymaster' })).toThrow(
      'REDIS_SENTINEL_NAME: set only with REDIS_SENTINELS',
    );
    expect(() =>
      topology({ REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 'b:2', REDIS_SENTINEL_NAME: 'm' }),
    ).toThrow('REDIS_CLUSTER_NODES and REDIS_SENTINELS: set one');
  });

  it('refuses items that are not host:port, naming the key and the form', () => {
    for (const bad of ['redis', 'redis:0', 'redis:65536', 'redis:port', '[zz]:1', 'a b:1']) {
      expect(() => topology({ REDIS_CLUSTER_NODES: `ok:1,${bad}` })).toThrow(
        /REDIS_CLUSTER_NODES must be comma-separated host:port items/,
      );
      expect(() => topology({ REDIS_SENTINELS: bad, REDIS_SENTINEL_NAME: 'm' })).toThrow(
        'REDIS_SENTINELS must be',
      );
    }
  });

  it('refuses a bad URL without echoing it (it may hold a password), and a prefix with braces', () => {
    const attempt = () => topology({ REDIS_URL: 'http://:hunter2@redis:6379' });
    expect(attempt).toThrow('REDIS_URL');
    expect(attempt).not.toThrow(/hunter2/);
    expect(() => topology({ REDIS_KEY_PREFIX: 'app{1}' })).toThrow('REDIS_KEY_PREFIX must be');
    expect(validateEnvironment({ REDIS_KEY_PREFIX: 'test:run-7' }).REDIS_KEY_PREFIX).toBe(
      'test:run-7',
    );
  });

  it('needs DEVICE_TOKEN_SECRET with any shared Redis', () => {
    for (const env of [
      { REDIS_URL: 'redis://r:6379' },
      { RATE_LIMIT_REDIS_URL: 'redis://r:6379' },
      { REDIS_CLUSTER_NODES: 'r:7000' },
      { REDIS_SENTINELS: 'r:26379', REDIS_SENTINEL_NAME: 'm' },
    ])
      expect(() => validateEnvironment(env)).toThrow('DEVICE_TOKEN_SECRET: required');
  });
});
