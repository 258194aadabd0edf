import type { JWTResponse } from '@descope/node-sdk';
import { ProblemError } from '../../problems/problem.error';
import type { RedisConnection } from '../../redis/redis-connection';
import { RefreshAnswerCipher } from './refresh-answer-cipher';

/** What a refresh came to: Descope's answer, or the token was rotated away earlier (reuse). */
export type RefreshOutcome = { answer: JWTResponse } | { reused: true };

/** A failure of the refresh itself (Descope's answer), told apart from a failure of Redis. */
export class UpstreamFailure extends Error {
  constructor(readonly error: unknown) {
    super('The refresh itself failed');
  }
}

const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One refresh per refresh token per window across instances: the first instance takes a short
 * lock on the token's hash, calls Descope once and leaves the sealed answer for the window (see
 * RefreshAnswerCipher); the others wait for it, bounded by the lock's life, and never call
 * Descope themselves while the lock or the answer lives. A token that Descope rotated away is
 * marked until it expires, so its return after the window is known as reuse on every instance.
 * Keys carry the token hash as their hash tag: every command of one refresh is on one slot.
 */
export class SharedRefresh {
  constructor(
    private readonly redis: RedisConnection,
    private readonly windowMs: number,
    private readonly lockMs: number,
  ) {}

  /** Whether Redis marks this token as rotated away. */
  async rotated(hash: string): Promise<boolean> {
    return (await this.redis.client!.exists(this.keys(hash).rotatedKey)) > 0;
  }

  /** Drops the answer kept for this token. */
  async forget(hash: string): Promise<void> {
    await this.redis.client!.del(this.keys(hash).answerKey);
  }

  private keys(hash: string) {
    const tag = `{${this.redis.prefix}:refresh:${hash}}`;
    return { answerKey: `${tag}:answer`, lockKey: `${tag}:lock`, rotatedKey: `${tag}:rotated` };
  }

  /** Redis failed: logged (at most once a minute); the caller refreshes in process only. */
  unreachable(): void {
    this.redis.warnUnreachable('refreshes are coalesced per instance only');
  }

  async run(
    jwt: string,
    hash: string,
    expiresAt: number,
    call: () => Promise<JWTResponse>,
  ): Promise<RefreshOutcome> {
    const client = this.redis.client!;
    const { answerKey, lockKey, rotatedKey } = this.keys(hash);
    const cipher = new RefreshAnswerCipher(jwt);
    const deadline = Date.now() + this.lockMs + 1000;
    const known = async (): Promise<RefreshOutcome | undefined> => {
      const [sealed, rotated] = await client.mget(answerKey, rotatedKey);
      const answer = sealed ? cipher.open<JWTResponse>(sealed) : undefined;
      if (answer) return { answer };
      return rotated ? { reused: true } : undefined;
    };
    for (;;) {
      const before = await known();
      if (before) return before;
      if ((await client.set(lockKey, '1', 'PX', this.lockMs, 'NX')) === 'OK') {
        // Asked again under the lock: another instance may have answered and let go in between.
        const meanwhile = await known();
        if (meanwhile) {
          await client.del(lockKey);
          return meanwhile;
        }
        const fresh = await call().catch((error: unknown) => {
          void client.del(lockKey).catch(() => undefined);
          throw new UpstreamFailure(error);
        });
        const store = client.multi().set(answerKey, cipher.seal(fresh), 'PX', this.windowMs);
        const rotatedForMs = expiresAt * 1000 - Date.now();
        if (rotatedAway(fresh, jwt) && rotatedForMs > 0) {
          store.set(rotatedKey, '1', 'PX', rotatedForMs);
        }
        await store
          .del(lockKey)
          .exec()
          .catch(() => undefined);
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
}

/** Descope answered with another refresh token: the one presented is no longer valid. */
export const rotatedAway = (answer: JWTResponse, jwt: string) =>
  Boolean(answer.refreshJwt) && answer.refreshJwt !== jwt;
