import { RefreshPrincipal, tokenHash } from '@app/auth';
import type { JWTResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LRUCache } from 'lru-cache';
import { EnvironmentVariables } from '../../config/env.validation';
import { RedisConnection } from '../../redis/redis-connection';
import { RefreshOutcome, rotatedAway, UpstreamFailure } from './refresh-outcome';
import { SharedRefresh } from './shared-refresh';

/**
 * Refreshes of one refresh token within REFRESH_REUSE_WINDOW_MS get the answer of the first (so
 * a user's tabs refreshing at once, with rotation on, all keep a session): in this process one
 * promise per token, across instances through Redis (SharedRefresh); without Redis, or while it
 * is unreachable, in this process only. A token rotated away that comes back after the window
 * is reuse (`{ reused: true }`): the caller refuses it and ends the user's sessions.
 * A window of 0 turns both off.
 */
@Injectable()
export class RefreshCoalescer {
  private readonly windowMs: number;
  private readonly recent?: LRUCache<string, Promise<RefreshOutcome>>;
  private readonly rotated = new LRUCache<string, true>({ max: 100_000 });
  private readonly shared?: SharedRefresh;

  constructor(redis: RedisConnection, config: ConfigService<EnvironmentVariables, true>) {
    this.windowMs = config.get('REFRESH_REUSE_WINDOW_MS', { infer: true });
    if (!this.windowMs) return;
    this.recent = new LRUCache({ max: 10_000, ttl: this.windowMs, ttlAutopurge: false });
    const lockMs = config.get('DESCOPE_TIMEOUT_MS', { infer: true }) + 1000;
    if (redis.client) this.shared = new SharedRefresh(redis, this.windowMs, lockMs);
  }

  /** The outcome of refreshing `principal`'s token; `call` asks Descope (at most once per window). */
  refresh(principal: RefreshPrincipal, call: () => Promise<JWTResponse>): Promise<RefreshOutcome> {
    if (!this.recent) return call().then((answer) => ({ answer }));
    const hash = tokenHash(principal.jwt);
    const known = this.recent.get(hash);
    if (known) return known;
    const outcome = this.settle(principal, hash, call);
    this.recent.set(hash, outcome);
    // The window runs from the answer (a slow refresh does not shorten it); a failure is not kept.
    outcome.then(
      () => this.recent!.get(hash) === outcome && this.recent!.set(hash, outcome),
      () => this.recent!.get(hash) === outcome && this.recent!.delete(hash),
    );
    return outcome;
  }

  /** True when this refresh token was exchanged for another (here, or on any instance). */
  async rotatedAway({ jwt, userId }: RefreshPrincipal): Promise<boolean> {
    const hash = tokenHash(jwt);
    if (this.rotated.has(hash)) return true;
    return (await this.shared?.rotated(userId, hash).catch(() => false)) ?? false;
  }

  /**
   * The answer a refresh of this token got within the window (here or on any instance), waiting
   * for one still under way: a logout then also ends the session and refresh token it handed out.
   */
  async answered({ jwt }: RefreshPrincipal): Promise<JWTResponse | undefined> {
    const hash = tokenHash(jwt);
    const local = await this.recent?.get(hash)?.catch(() => undefined);
    if (local && 'answer' in local) return local.answer;
    return this.shared?.settled(jwt, hash).catch(() => undefined);
  }

  /** Drops the answers kept for a refresh token (it was logged out): none is handed out again. */
  async forget({ jwt }: RefreshPrincipal): Promise<void> {
    const hash = tokenHash(jwt);
    this.recent?.delete(hash);
    await this.shared?.forget(hash).catch(() => this.shared?.unreachable());
  }

  private async settle(
    { jwt, userId, refreshExpiresAt }: RefreshPrincipal,
    hash: string,
    call: () => Promise<JWTResponse>,
  ): Promise<RefreshOutcome> {
    const local = async () => ({ answer: await call() });
    let outcome: RefreshOutcome;
    // Redis first when there is one: another instance's answer within the window beats the mark.
    if (!this.shared) outcome = this.rotated.has(hash) ? { reused: true } : await local();
    else {
      const token = { jwt, sub: userId, expiresAt: refreshExpiresAt };
      // Asked twice before going it alone: with rotation on, a refresh of its own after another
      // instance's would present a token already exchanged (a cluster node connecting, a blip).
      outcome = await this.shared
        .run(token, hash, call)
        .catch(async (error: unknown) => {
          if (error instanceof UpstreamFailure) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
          return this.shared!.run(token, hash, call);
        })
        .catch(async (error: unknown) => {
          if (error instanceof UpstreamFailure) throw error.error;
          this.shared!.unreachable();
          return this.rotated.has(hash) ? { reused: true as const } : await local();
        });
    }
    const ttl = refreshExpiresAt * 1000 - Date.now();
    if ('answer' in outcome && rotatedAway(outcome.answer, jwt) && ttl > 0) {
      this.rotated.set(hash, true, { ttl });
    }
    return outcome;
  }
}
