import { Logger } from '@nestjs/common';
import { Cluster, Redis } from 'ioredis';
import { RedisTopology } from '../config/redis-settings';
import { describeTopology } from './redis-clients';
import { RedisConnection } from './redis-connection';

/* Nothing listens on port 1: the clients are built and inspected, never reach a server. */
const CLUSTER: RedisTopology = {
  kind: 'cluster',
  nodes: [{ host: '127.0.0.1', port: 1 }],
  url: 'rediss://app:s%40cret@ignored:6379',
};
const SENTINEL: RedisTopology = {
  kind: 'sentinel',
  sentinels: [{ host: '127.0.0.1', port: 1 }],
  name: 'mymaster',
  url: 'redis://:s3cret@ignored',
};

describe('RedisConnection', () => {
  let connection: RedisConnection | undefined;
  beforeEach(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterEach(() => {
    connection?.onApplicationShutdown();
    jest.restoreAllMocks();
  });

  it('has no client and nothing to duplicate when no Redis is configured', () => {
    connection = new RedisConnection(undefined);
    expect([connection.client, connection.prefix]).toEqual([undefined, 'auth-service']);
    expect(() => connection!.duplicate()).toThrow('No Redis is configured');
  });

  it('builds a cluster that fails fast while unreachable, with the credentials and TLS of REDIS_URL', () => {
    connection = new RedisConnection(CLUSTER, 'test-run');
    const cluster = connection.client as Cluster;
    expect(cluster).toBeInstanceOf(Cluster);
    expect(connection.prefix).toBe('test-run');
    expect(cluster.options).toMatchObject({
      enableOfflineQueue: false,
      redisOptions: {
        maxRetriesPerRequest: 0,
        commandTimeout: 500,
        username: 'app',
        password: 's@cret',
        tls: {},
      },
    });
    expect(cluster.options.clusterRetryStrategy?.(100)).toBe(2000);
  });

  it('builds a sentinel client for the named master', () => {
    connection = new RedisConnection(SENTINEL);
    const client = connection.client as Redis;
    expect(client.options).toMatchObject({
      sentinels: [{ host: '127.0.0.1', port: 1 }],
      name: 'mymaster',
      password: 's3cret',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
    });
  });

  it('duplicates the topology and options, and closes the duplicates with it', () => {
    connection = new RedisConnection(CLUSTER);
    const duplicate = connection.duplicate() as Cluster;
    expect(duplicate).not.toBe(connection.client);
    expect(duplicate.options).toEqual((connection.client as Cluster).options);
    connection.onApplicationShutdown();
    for (const client of [connection.client!, duplicate])
      expect(client.status).toMatch(/^(disconnecting|end)$/);
    connection = undefined;
  });

  it('describes a topology by its addresses, never by its URL (it may hold a password)', () => {
    const standalone: RedisTopology = { kind: 'standalone', url: 'redis://:s3cret@redis:6380/1' };
    const described = [CLUSTER, SENTINEL, standalone].map(describeTopology);
    expect(described).toEqual([
      'a cluster, seeded from 127.0.0.1:1',
      'master mymaster through the sentinels 127.0.0.1:1',
      'a standalone server at redis:6380',
    ]);
    expect(described.join()).not.toMatch(/cret/);
  });
});
