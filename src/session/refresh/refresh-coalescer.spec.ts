import type { JWTResponse } from '@descope/node-sdk';
import { ConfigService } from '@nestjs/config';
import { RedisConnection } from '../../redis/redis-connection';
import { RefreshAnswerCipher } from './refresh-answer-cipher';
import { RefreshCoalescer } from './refresh-coalescer';

const config = (window: number) =>
  ({
    get: (key: string) => ({ REFRESH_REUSE_WINDOW_MS: window, DESCOPE_TIMEOUT_MS: 1000 })[key],
  }) as unknown as ConfigService<never, true>;
const noRedis = { client: undefined } as RedisConnection;
/** A refresh token's principal; tokens are told apart by their signed part (before the last dot). */
const principal = (name: string) => ({
  userId: 'U1',
  jwt: `${name}.signature`,
  refreshExpiresAt: Math.floor(Date.now() / 1000) + 3600,
  claims: {} as never,
});
const answer = (refreshJwt?: string) =>
  ({ sessionJwt: `s-${Math.random()}`, refreshJwt }) as JWTResponse;

describe('RefreshCoalescer (in process)', () => {
  it('calls once for concurrent refreshes of one token and hands all the same answer', async () => {
    const coalescer = new RefreshCoalescer(noRedis, config(1000));
    const call = jest.fn(() => Promise.resolve(answer('r2.signature')));
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => coalescer.refresh(principal('r1'), call)),
    );
    expect(call).toHaveBeenCalledTimes(1);
    expect(new Set(outcomes).size).toBe(1);
  });

  it('keeps tokens apart, and forgets failures', async () => {
    const coalescer = new RefreshCoalescer(noRedis, config(1000));
    const call = jest.fn(() => Promise.resolve(answer()));
    await coalescer.refresh(principal('a'), call);
    await coalescer.refresh(principal('b'), call);
    expect(call).toHaveBeenCalledTimes(2);
    const failing = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue(answer());
    await expect(coalescer.refresh(principal('c'), failing)).rejects.toThrow('down');
    await expect(coalescer.refresh(principal('c'), failing)).resolves.toHaveProperty('answer');
  });

  it('after the window, calls again, or knows a rotated-away token as reuse', async () => {
    const coalescer = new RefreshCoalescer(noRedis, config(30));
    const kept = jest.fn(() => Promise.resolve(answer('same.signature')));
    await coalescer.refresh(principal('same'), kept);
    const rotating = jest.fn(() => Promise.resolve(answer('r2.signature')));
    await coalescer.refresh(principal('r1'), rotating);
    // The window is the cache's TTL (lru-cache's own clock): a short one, waited out.
    await new Promise((resolve) => setTimeout(resolve, 40));
    await coalescer.refresh(principal('same'), kept);
    expect(kept).toHaveBeenCalledTimes(2);
    await expect(coalescer.refresh(principal('r1'), rotating)).resolves.toEqual({ reused: true });
    expect(rotating).toHaveBeenCalledTimes(1);
  });

  it('with a window of 0, calls every time and never calls anything reuse', async () => {
    const coalescer = new RefreshCoalescer(noRedis, config(0));
    const call = jest.fn(() => Promise.resolve(answer('r2')));
    await coalescer.refresh(principal('r1'), call);
    await expect(coalescer.refresh(principal('r1'), call)).resolves.toHaveProperty('answer');
    expect(call).toHaveBeenCalledTimes(2);
  });
});

describe('RefreshAnswerCipher', () => {
  it('opens only for the refresh token it was sealed for, and never altered', () => {
    const sealed = new RefreshAnswerCipher('token-one').seal({ sessionJwt: 's' });
    expect(new RefreshAnswerCipher('token-one').open(sealed)).toEqual({ sessionJwt: 's' });
    expect(new RefreshAnswerCipher('token-two').open(sealed)).toBeUndefined();
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
    expect(new RefreshAnswerCipher('token-one').open(flipped)).toBeUndefined();
    expect(sealed).not.toContain('sessionJwt');
  });
});
