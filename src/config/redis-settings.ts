import { ValidateBy } from 'class-validator';
import { isIP } from 'node:net';
import { listOf } from './env-transforms';
import type { EnvironmentVariables } from './env.validation';

/*
 * The Redis settings (REDIS_URL or its old name RATE_LIMIT_REDIS_URL, REDIS_CLUSTER_NODES,
 * REDIS_SENTINELS with REDIS_SENTINEL_NAME) read as one topology, so the connection, the start-up
 * rules and the readiness probe agree on whether counts are shared and how.
 */

/** One Redis node or sentinel. */
export interface HostPort {
  host: string;
  port: number;
}

/**
 * Where the shared counts live. With a cluster or sentinels, `url` (REDIS_URL) gives only the
 * credentials and TLS (`rediss:`) every node is reached with; its host is not used.
 */
export type RedisTopology =
  | { kind: 'standalone'; url: string }
  | { kind: 'cluster'; nodes: HostPort[]; url?: string }
  | { kind: 'sentinel'; sentinels: HostPort[]; name: string; url?: string };

const HOST_PORT = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+)):(\d{1,5})$/i;

/** `host:port` or `[ipv6]:port`; a string (refused by validation) when it is neither. */
function parseHostPort(item: string): HostPort | string {
  const match = HOST_PORT.exec(item);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535 || (match[1] && isIP(match[1]) !== 6)) return item;
  return { host: match[1] ?? match[2], port };
}

/** A comma-separated `host:port` list; `[]` when unset. */
export const hostPortsOf = () => listOf(parseHostPort);

/** Every item parsed into a host and a port. */
export const IsHostPorts = () =>
  ValidateBy({
    name: 'isHostPorts',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.every((item) => typeof item === 'object'),
      defaultMessage: (args) =>
        `${args?.property} must be comma-separated host:port items, e.g. ` +
        'redis-1:6379,redis-2:6379 ([::1]:6379 for IPv6)',
    },
  });

/** The settings a topology is read from. */
export const REDIS_KEYS = [
  'REDIS_URL',
  'RATE_LIMIT_REDIS_URL',
  'REDIS_CLUSTER_NODES',
  'REDIS_SENTINELS',
  'REDIS_SENTINEL_NAME',
] as const;
export type RedisSettings = Pick<EnvironmentVariables, (typeof REDIS_KEYS)[number]>;

/** The configured topology; undefined when nothing is set (every count stays in memory). */
export function redisTopologyOf(config: RedisSettings): RedisTopology | undefined {
  const url = config.REDIS_URL ?? config.RATE_LIMIT_REDIS_URL;
  if (config.REDIS_CLUSTER_NODES.length) {
    return { kind: 'cluster', nodes: config.REDIS_CLUSTER_NODES, url };
  }
  if (config.REDIS_SENTINELS.length) {
    const name = config.REDIS_SENTINEL_NAME ?? '';
    return { kind: 'sentinel', sentinels: config.REDIS_SENTINELS, name, url };
  }
  return url ? { kind: 'standalone', url } : undefined;
}

/** The start-up errors of the Redis settings taken together, one line each. */
export function redisProblems(config: RedisSettings): string[] {
  const problems: string[] = [];
  const sentinels = config.REDIS_SENTINELS.length > 0;
  if (config.REDIS_CLUSTER_NODES.length && sentinels) {
    problems.push(
      'REDIS_CLUSTER_NODES and REDIS_SENTINELS: set one (a cluster, or a master watched by sentinels)',
    );
  }
  if (sentinels && !config.REDIS_SENTINEL_NAME) {
    problems.push(
      'REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the master name the sentinels ' +
        'monitor, e.g. mymaster)',
    );
  }
  if (!sentinels && config.REDIS_SENTINEL_NAME) {
    problems.push('REDIS_SENTINEL_NAME: set only with REDIS_SENTINELS');
  }
  return problems;
}
