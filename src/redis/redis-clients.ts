import Redis, { Cluster, RedisOptions } from 'ioredis';
import { HostPort, RedisTopology } from '../config/redis-settings';

/**
 * Commands never wait long: a slow or gone Redis must not slow sign-in. No command is retried
 * and none waits longer than `commandTimeout`; the caller then answers from memory (or 503).
 */
const FAIL_FAST = { maxRetriesPerRequest: 0, connectTimeout: 1000, commandTimeout: 500 };
/**
 * Nothing is queued while disconnected: ioredis's offline queue ignores `commandTimeout`, and
 * with Redis killed each queued command waited for the next reconnect attempt, 50 ms more each
 * time up to 2 s (measured); refused at once, it is answered from memory in under a millisecond.
 */
const NO_QUEUE = { enableOfflineQueue: false };

/** What REDIS_URL says about reaching a node besides its address: user, password, TLS. */
function credentialsOf(url: string | undefined): RedisOptions {
  if (!url) return {};
  const { username, password, protocol } = new URL(url);
  return {
    ...(username && { username: decodeURIComponent(username) }),
    ...(password && { password: decodeURIComponent(password) }),
    ...(protocol === 'rediss:' && { tls: {} }),
  };
}

/** Reconnect attempts back off to at most 2 s, for ever: Redis may come back at any time. */
const backOff = (times: number) => Math.min(times * 100, 2000);

/** A new ioredis client for the topology, failing fast whatever it is. */
export function createRedisClient(topology: RedisTopology): Redis | Cluster {
  if (topology.kind === 'standalone') return new Redis(topology.url, { ...FAIL_FAST, ...NO_QUEUE });
  const credentials = credentialsOf(topology.url);
  if (topology.kind === 'sentinel') {
    return new Redis({
      ...FAIL_FAST,
      ...NO_QUEUE,
      ...credentials,
      sentinels: topology.sentinels,
      name: topology.name,
      enableTLSForSentinelMode: Boolean(credentials.tls),
      retryStrategy: backOff,
    });
  }
  return new Cluster(topology.nodes, {
    redisOptions: { ...FAIL_FAST, ...credentials },
    ...NO_QUEUE,
    clusterRetryStrategy: backOff,
    slotsRefreshTimeout: FAIL_FAST.connectTimeout,
  });
}

const list = (nodes: HostPort[]) => nodes.map(({ host, port }) => `${host}:${port}`).join(', ');

/** The topology for the start-up log: addresses, never the URL (it may hold a password). */
export function describeTopology(topology: RedisTopology): string {
  if (topology.kind === 'cluster') return `a cluster, seeded from ${list(topology.nodes)}`;
  if (topology.kind === 'sentinel')
    return `master ${topology.name} through the sentinels ${list(topology.sentinels)}`;
  const { hostname, port } = new URL(topology.url);
  return `a standalone server at ${hostname}:${port || 6379}`;
}
