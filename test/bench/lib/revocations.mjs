// Live revocation entries for the bench's service, as a busy deployment holds them: written to
// Redis (the local 127.0.0.1:6379, or BENCH_REDIS_URL) under a prefix of this run, then read back
// by the service on start (its RevocationFeed). Most are other users'; the bench user
// (U2benchuser) gets a not-before in the past, a family of another refresh token and another
// token's hash, so every memo hit of its session walks the whole check and is never refused.
import { createHash, randomUUID } from 'node:crypto';
import Redis from 'ioredis';

const COUNT = Number(process.env.BENCH_REVOCATIONS ?? 10_000);

const hash = (text) => createHash('sha256').update(text).digest('base64url');

/** Seeds the entries; answers the service's env and a cleanup, or nothing when COUNT is 0. */
export async function seedRevocations() {
  if (!COUNT) return { env: {}, cleanup: async () => undefined, count: 0 };
  const url = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const key = `{${prefix}:revocations}:entries`;
  const now = Math.floor(Date.now() / 1000);
  const until = now + 3600;
  const entries = [
    { type: 'user', sub: 'U2benchuser', notBefore: now - 7200, until },
    { type: 'family', sub: 'U2benchuser', rexp: now + 1, notBefore: now, until },
    { type: 'token', sub: 'U2benchuser', hash: hash('another token'), until },
  ];
  for (let i = entries.length; i < COUNT; i++) {
    const sub = `U2other${i}`;
    const kind = i % 3;
    if (kind === 0) entries.push({ type: 'user', sub, notBefore: now, until });
    if (kind === 1) entries.push({ type: 'family', sub, rexp: now + i, notBefore: now, until });
    if (kind === 2) entries.push({ type: 'token', sub, hash: hash(sub), until });
  }
  const redis = new Redis(url);
  for (let i = 0; i < entries.length; i += 1000) {
    const chunk = entries.slice(i, i + 1000).flatMap((entry) => [until, JSON.stringify(entry)]);
    await redis.zadd(key, ...chunk);
  }
  await redis.expire(key, 3600);
  const cleanup = async () => {
    await redis.del(key);
    redis.disconnect();
  };
  // Both names: a checkout from before REDIS_URL reads only the old one.
  const env = { REDIS_URL: url, RATE_LIMIT_REDIS_URL: url, REDIS_KEY_PREFIX: prefix };
  return { env, cleanup, count: entries.length };
}
