import type { JWTResponse } from '@descope/node-sdk';
import { randomUUID } from 'node:crypto';
import { ProblemError } from '../../problems/problem.error';
import type { RedisConnection } from '../../redis/redis-connection';
import { RefreshAnswerCipher } from './refresh-answer-cipher';
import { RefreshOutcome, ROTATED_PER_USER, rotatedAway, UpstreamFailure } from './refresh-outcome';

const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets go of a lock only if this caller still holds it (it may have expired and been retaken). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * One refresh per refresh token per window across instances: the first instance takes a short
 * lock on the token's hash, calls Descope once and leaves the sealed answer for the window (see
 * RefreshAnswerCipher); the others wait for it, bounded by the lock's life, and never call
 * Descope themselves while the lock or the answer lives. A token Descope rotated away is marked
 * in its user's short list of rotated tokens (the latest ROTATED_PER_USER, each until it
 * expires), so its return after the window is known as reuse on every instance. The answer, lock
 * and successor keys carry the token hash as their hash tag: one slot per refresh.
 */
export class SharedRefresh {
  constructor(
    private readonly redis: RedisConnection,
    private readonly windowMs: number,
    private readonly lockMs: number,
  ) {}

  /** Whether Redis lists this token among its user's rotated-away ones. */
  async rotated(sub: string, hash: string): Promise<boolean> {
    const until = await this.redis.client!.zscore(this.rotatedKey(sub), hash);
    return until !== null && Number(until) > Date.now();
  }

  /** The answer kept for this token, waiting (bounded) for a refresh of it still under way. */
  async settled(jwt: string, hash: string): Promise<JWTResponse | undefined> {
    const { answerKey, lockKey } = this.keys(hash);
    const deadline = Date.now() + this.lockMs;
    for (;;) {
      const [sealed, lock] = await this.redis.client!.mget(answerKey, lockKey);
      if (sealed) return new RefreshAnswerCipher(jwt).open<JWTResponse>(sealed);
      if (!lock || Date.now() > deadline) return undefined;
      await sleep(POLL_MS);
    }
  }

  /** Drops the answer kept for this token. */
  async forget(hash: string): Promise<void> {
    await this.redis.client!.del(this.keys(hash).answerKey);
  }

  /** Redis failed: logged (at most once a minute); the caller refreshes in process only. */
  unreachable(): void {
    this.redis.warnUnreachable('refreshes are coalesced per instance only');
  }

  async run(
    { jwt, sub, expiresAt }: { jwt: string; sub: string; expiresAt: number },
    hash: string,
    call: () => Promise<JWTResponse>,
  ): Promise<RefreshOutcome> {
    const client = this.redis.client!;
    const { answerKey, lockKey } = this.keys(hash);
    const cipher = new RefreshAnswerCipher(jwt);
    const owner = randomUUID();
    const release = () => client.eval(RELEASE, 1, lockKey, owner).catch(() => undefined);
    const answer = async () => {
      const sealed = await client.get(answerKey);
      return sealed ? cipher.open<JWTResponse>(sealed) : undefined;
    };
    const known = async (): Promise<RefreshOutcome | undefined> => {
      const kept = await answer();
      if (kept) return { answer: kept };
      // The user's list lives on another slot (node): unreadable, it only costs the detection.
      if (!(await this.rotated(sub, hash).catch(() => false))) return undefined;
      // Marked after its answer was stored: an answer stored since the first read is the one.
      const since = await answer();
      return since ? { answer: since } : { reused: true };
    };
    const deadline = Date.now() + this.lockMs + 1000;
    for (;;) {
      const before = await known();
      if (before) return before;
      if ((await client.set(lockKey, owner, 'PX', this.lockMs, 'NX')) === 'OK') {
        // Asked again under the lock: another instance may have answered and let go in between.
        const meanwhile = await known().catch(() => undefined);
        if (meanwhile) {
          await release();
          return meanwhile;
        }
        const fresh = await call().catch((error: unknown) => {
          void release();
          throw new UpstreamFailure(error);
        });
        await client.set(answerKey, cipher.seal(fresh), 'PX', this.windowMs).catch(() => undefined);
        if (rotatedAway(fresh, jwt)) await this.markRotated(sub, hash, expiresAt);
        await release();
        return { answer: fresh };
      }
      if (Date.now() > deadline) {
        throw new UpstreamFailure(
          new ProblemError('upstream_timeout', 'A concurrent refresh of this token did not finish'),
        );
      }
      await sleep(POLL_MS);
    }
  }

  private async markRotated(sub: string, hash: string, expiresAt: number): Promise<void> {
    const key = this.rotatedKey(sub);
    await this.redis
      .client!.multi()
      .zadd(key, expiresAt * 1000, hash)
      .zremrangebyscore(key, '-inf', Date.now())
      .zremrangebyrank(key, 0, -(ROTATED_PER_USER + 1))
      .pexpireat(key, expiresAt * 1000, 'GT')
      .pexpireat(key, expiresAt * 1000, 'NX')
      .exec()
      .catch(() => undefined);
  }

  private keys(hash: string) {
    const tag = `{${this.redis.prefix}:refresh:${hash}}`;
    return { answerKey: `${tag}:answer`, lockKey: `${tag}:lock` };
  }

  private rotatedKey(sub: string) {
    return `{${this.redis.prefix}:rotated:${sub}}`;
  }
}
