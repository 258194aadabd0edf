// `node test/bench/redis-commands.mjs <other checkout> [count]`: Redis commands per sign-in of
// another built checkout (A) and this one (B), each started alone against the stub Descope and
// the local Redis (127.0.0.1:6379, or BENCH_REDIS_URL) under a prefix of its own: a difference in
// sign-in cost that is not in these counts is not a Redis round trip.
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { start, stop } from './lib/processes.mjs';
import { newSigningKey, PROJECT_ID } from './lib/tokens.mjs';

const [other, count = '200'] = process.argv.slice(2);
if (!other) throw new Error('usage: node test/bench/redis-commands.mjs <other checkout> [count]');
const url = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const key = newSigningKey('bench-key-1');
const stub = await start(`${import.meta.dirname}/stub-descope.mjs`, {
  core: 1,
  env: { BENCH_STUB_KEY: JSON.stringify(key) },
  readyPath: '/stats',
});
const redis = new Redis(url);
const calls = async () => {
  const lines = (await redis.info('commandstats')).split('\n');
  const stats = lines.filter((line) => line.startsWith('cmdstat_'));
  return Object.fromEntries(
    stats.map((line) => [line.split(':')[0].slice(8), Number(/calls=(\d+)/.exec(line)[1])]),
  );
};
const roots = { A: resolve(other), B: resolve(import.meta.dirname, '../..') };
for (const [name, root] of Object.entries(roots)) {
  const service = await start(`${root}/dist/src/main.js`, {
    core: 0,
    readyPath: '/health/ready',
    env: {
      DESCOPE_PROJECT_ID: PROJECT_ID,
      DESCOPE_BASE_URL: stub.url,
      NODE_ENV: 'production',
      DEVICE_TOKEN_SECRET: 'bench-device-token-secret-0123456789abcdef',
      RATE_LIMIT_IP_PER_MINUTE: '0',
      REDIS_URL: url,
      RATE_LIMIT_REDIS_URL: url,
      REDIS_KEY_PREFIX: `commands-${name}-${Date.now()}`,
    },
  });
  const before = await calls();
  for (let i = 0; i < Number(count); i++) {
    const answer = await fetch(`${service.url}/v1/password/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: `user${i}@example.com`, password: 'Correct-Horse-9' }),
    });
    if (answer.status !== 200) throw new Error(`${name}: sign-in answered ${answer.status}`);
  }
  const after = await calls();
  const per = Object.entries(after)
    .map(([command, n]) => [command, (n - (before[command] ?? 0)) / Number(count)])
    .filter(([command, n]) => n > 0 && command !== 'info');
  console.log(`${name} (${root}): ${per.map(([c, n]) => `${c} ${n}`).join(', ')} per sign-in`);
  await stop(service);
}
redis.disconnect();
await stop(stub);
