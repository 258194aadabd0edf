// `npm run bench:ab -- <other checkout> [signin|session|fresh|start] [rounds]`: this checkout (B)
// against another built checkout (A, e.g. `git worktree add ../base <rev>` then `npm run build`
// there), each started fresh as production starts it, alternating A B, B A, ... Per round: req/s
// and CPU per request (the service's user + system time over requests answered), or for `start`
// the time from process start to /health/ready on the embedded emulator. Prints the medians.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from './lib/load.mjs';
import { pinSelf, productionNodeFlags, start, stop } from './lib/processes.mjs';
import { seedRevocations } from './lib/revocations.mjs';
import { mint, mintPools, newSigningKey, PROJECT_ID } from './lib/tokens.mjs';

const [other, row = 'signin', rounds = '4'] = process.argv.slice(2);
// Built on demand, once `key` exists: minting 70,000 tokens takes about 15 s. `start` has no load.
const loads = {
  signin: () => ({
    path: '/v1/password/signin',
    method: 'POST',
    place: 'signin',
    tokens: Array.from({ length: 5000 }, (_, i) => `user${i}@example.com`),
  }),
  session: () => ({ path: '/v1/session', place: 'bearer', tokens: [mint(key)] }),
  // 50,000 measured per round (3 s) after 20,000 for a 2 s warm-up, each new to the process: at up
  // to 16,000 req/s no measured token comes twice (a round whose pool ran out is left out of the
  // medians). Above 10,000 req/s the warm-up comes round its own 20,000, which is harmless.
  fresh: async () => ({
    path: '/v1/session',
    place: 'bearer',
    tokens: (await mintPools(key, [70_000]))[0],
    seconds: 3,
    warmUp: { from: 50_000, seconds: 2 },
  }),
  start: () => undefined,
};
if (!other || !loads[row]) {
  const rows = Object.keys(loads).join('|');
  throw new Error(`usage: npm run bench:ab -- <other checkout> [${rows}] [rounds]`);
}
const roots = { A: resolve(other), B: resolve(import.meta.dirname, '../..') };
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};

const key = newSigningKey('bench-key-1');
// Tokens are minted on every core before this process is pinned to one (threads inherit it).
const spec = await loads[row]();
pinSelf(1);
const stub = await start(`${import.meta.dirname}/stub-descope.mjs`, {
  core: 1,
  env: { BENCH_STUB_KEY: JSON.stringify(key) },
  readyPath: '/stats',
});
// 10,000 live revocations (BENCH_REVOCATIONS) in Redis for both, as a busy deployment holds them.
const revocations = spec ? await seedRevocations() : undefined;
const results = { A: [], B: [] };
for (let round = 0; round < Number(rounds); round++) {
  for (const name of round % 2 ? ['B', 'A'] : ['A', 'B']) {
    const service = await start(`${roots[name]}/dist/src/main.js`, {
      core: 0,
      nodeFlags: productionNodeFlags(roots[name]),
      readyPath: '/health/ready',
      // `start` times `npm start` once built: the embedded emulator, as the bench's start row.
      env: spec
        ? {
            DESCOPE_PROJECT_ID: PROJECT_ID,
            DESCOPE_BASE_URL: stub.url,
            NODE_ENV: 'production',
            DEVICE_TOKEN_SECRET: 'bench-device-token-secret-0123456789abcdef',
            RATE_LIMIT_IP_PER_MINUTE: '0',
            ...revocations.env,
          }
        : {},
    });
    if (!spec) {
      results[name].push({ readyMs: service.readyMs });
      console.log(`${name} ready in ${service.readyMs} ms`);
      await stop(service);
      continue;
    }
    const url = `${service.url}${spec.path}`;
    const { from = 0, seconds = 3 } = spec.warmUp ?? {};
    await load({ ...spec, url, tokens: spec.tokens.slice(from), seconds }); // warm-up
    const before = cpuMs(service.pid);
    const result = await load({ ...spec, url, tokens: spec.tokens.slice(0, from || undefined) });
    const us = Math.round(((cpuMs(service.pid) - before) * 1000) / result.requests);
    // Only the fresh row promises every token new; elsewhere a pool comes round by design.
    const counted = !(spec.warmUp && result.tokensRepeated);
    if (counted) results[name].push({ rps: result.rps, us });
    console.log(
      `${name} ${result.rps} req/s  ${us} µs CPU per request  p99 ${result.p99} ms` +
        (counted ? '' : '  (not counted: the token pool ran out)'),
    );
    await stop(service);
  }
}
await stop(stub);
await revocations?.cleanup();
const median = (values) => {
  const sorted = values.sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle | 0];
};
for (const name of ['A', 'B']) {
  const of = (field) => median(results[name].map((r) => r[field]));
  const figures = spec
    ? `${of('rps')} req/s, ${of('us')} µs CPU per request`
    : `ready in ${of('readyMs')} ms`;
  console.log(`${name} (${roots[name]}): median ${figures}`);
}
