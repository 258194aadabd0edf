import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { RedisTopology } from '../config/redis-settings';
import { createRedisClient, describeTopology } from './redis-clients';

/** A connection to the shared Redis, whatever its topology. */
export type RedisClient = Redis | Cluster;

/**
 * How long start-up waits for the first connection: commands are never queued, so until then
 * the first requests would count in memory.
 */
const FIRST_CONNECTION_MS = 2000;

/**
 * The one Redis of the app (REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS), shared by the
 * request limits, the guessing and send budgets and the device-token epochs, so every instance
 * counts together. `client` is undefined when none is configured: everything then counts in
 * memory, per instance. Every key starts with `prefix` (REDIS_KEY_PREFIX), so runs can share a
 * Redis without sharing counts.
 */
export class RedisConnection implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly client?: RedisClient;
  private readonly logger = new Logger('Redis');
  private readonly duplicates: RedisClient[] = [];
  /** When each warning was last logged: throttled one by one, so none hides another. */
  private readonly lastWarnings = new Map<string, number>();

  constructor(
    private readonly topology: RedisTopology | undefined,
    readonly prefix = 'auth-service',
  ) {
    if (!topology) return;
    this.client = this.connect(topology);
    this.logger.log(`Counting limits and budgets in Redis: ${describeTopology(topology)}`);
  }

  /**
   * A second connection with the same topology and options (a subscriber cannot share the
   * commands' connection), closed with this one at shutdown. Nothing is queued while it is not
   * connected (commands, SUBSCRIBE too, fail at once): send after its `ready` event. ioredis
   * subscribes again by itself after a reconnection.
   * Throws when no Redis is configured (check `client` first).
   */
  duplicate(): RedisClient {
    if (!this.topology) throw new Error('No Redis is configured: there is nothing to duplicate');
    const client = this.connect(this.topology);
    this.duplicates.push(client);
    return client;
  }

  /** Logs that Redis is unreachable, each consequence at most once a minute. */
  warnUnreachable(consequence = "limits and budgets count in each instance's memory"): void {
    if (Date.now() - (this.lastWarnings.get(consequence) ?? 0) < 60_000) return;
    this.lastWarnings.set(consequence, Date.now());
    this.logger.warn(`Redis is unreachable: ${consequence}`);
  }

  /** Waits (a little) for the first connection to succeed or fail; never fails the start. */
  async onApplicationBootstrap(): Promise<void> {
    const client = this.client;
    if (!client || client.status === 'ready') return;
    await new Promise<void>((settled) => {
      const timer = setTimeout(settled, FIRST_CONNECTION_MS).unref();
      const done = () => {
        clearTimeout(timer);
        client.off('ready', done).off('error', done);
        settled();
      };
      client.once('ready', done).once('error', done);
    });
  }

  onApplicationShutdown(): void {
    if (!this.client) return;
    for (const client of [this.client, ...this.duplicates]) client.disconnect();
    this.logger.log('Closed the Redis connection');
  }

  /** A client whose errors are logged here (ioredis prints unhandled ones to stderr). */
  private connect(topology: RedisTopology): RedisClient {
    const client = createRedisClient(topology);
    client.on('error', () => this.warnUnreachable());
    return client;
  }
}
