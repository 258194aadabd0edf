/**
 * The few commands of a Redis client (ioredis `Redis` or `Cluster`) a revocation feed uses (see
 * `AuthModuleOptions.revocationFeed`): in a file of its own, so the options and the feed both
 * import it without importing each other.
 */
export interface RevocationRedis {
  on(event: 'ready', listener: () => void): unknown;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  subscribe(channel: string): Promise<unknown>;
  zrangebyscore(
    key: string,
    min: number | string,
    max: number | string,
    limit: 'LIMIT',
    offset: number,
    count: number,
  ): Promise<string[]>;
  disconnect(): void;
}
