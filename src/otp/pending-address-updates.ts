import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { accountKey } from '../budgets/budget-keys';
import { RedisConnection } from '../redis/redis-connection';

/** An OTP update waiting for its code: the address it adds as a login id, and whose it is. */
export interface PendingAddress {
  userId: string;
  address: string;
}

/** Longer than any code lives (Descope's OTP lifetime is not published; the emulator's is 5 min). */
const PENDING_MS = 15 * 60_000;

/**
 * The `addToLoginIDs` updates sent and not yet verified, by login id, so `/v1/otp/verify` can
 * look the address up once more: someone may sign up with it (a password sign-up proves no
 * address) between the send and the verify, and Descope would then merge the two accounts.
 * Kept in this process and, when Redis is configured, there too (a verify may reach another
 * instance); keyed by a hash of the login id, as nothing in Redis names an account.
 */
@Injectable()
export class PendingAddressUpdates {
  private readonly local = new LRUCache<string, PendingAddress[]>({ max: 10_000, ttl: PENDING_MS });

  constructor(private readonly redis: RedisConnection) {}

  async remember(loginId: string, pending: PendingAddress): Promise<void> {
    const key = this.keyOf(loginId);
    this.local.set(key, [...(this.local.get(key) ?? []), pending].slice(-5));
    await this.redis.client
      ?.multi()
      .rpush(key, JSON.stringify(pending))
      .ltrim(key, -5, -1)
      .pexpire(key, PENDING_MS)
      .exec()
      .catch(() => this.redis.warnUnreachable('merge checks at verify see this instance only'));
  }

  async pendingFor(loginId: string): Promise<PendingAddress[]> {
    const key = this.keyOf(loginId);
    const shared = await this.redis.client
      ?.lrange(key, 0, -1)
      .catch(() => [] as string[])
      .then((items) => items.map((item) => JSON.parse(item) as PendingAddress));
    return [...(this.local.get(key) ?? []), ...(shared ?? [])];
  }

  async forget(loginId: string): Promise<void> {
    const key = this.keyOf(loginId);
    this.local.delete(key);
    await this.redis.client?.del(key).catch(() => undefined);
  }

  private keyOf(loginId: string): string {
    const hash = createHash('sha256').update(accountKey(loginId)).digest('base64url');
    return `{${this.redis.prefix}:pending-update}:${hash}`;
  }
}
