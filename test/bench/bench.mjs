// `npm run bench`: the session hot path and sign-in of this service beside its anchors, in one
// run. Builds if the sources changed, then starts each server in turn pinned to core 0 (the load
// generator and the stub Descope run on core 1), loads it with autocannon, and stops it. The
// anchors run before and after the service, and (e) at both ends of the service's rows; each
// counts as the mean of its two passes (lib/passes.mjs says why).
// Prints req/s, p50/p99 and peak RSS per row and the ratios; writes test-output/bench/results.json.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { anchorNode, measureAnchors } from './lib/anchors.mjs';
import { measureFlood } from './lib/flood.mjs';
import { load } from './lib/load.mjs';
import { pinSelf, productionNodeFlags, rssMb, sampleRss, start, stop } from './lib/processes.mjs';
import { report } from './lib/report.mjs';
import { mint, mintMany, newSigningKey, PROJECT_ID } from './lib/tokens.mjs';

const root = resolve(import.meta.dirname, '../..');
// New tokens per route for the every-request-a-miss rows: more than either route answers in its
// 4 s (a pool that runs out repeats tokens, and the report then refuses the row's ratio).
const FRESH = Number(process.env.BENCH_FRESH_TOKENS ?? 40_000);
const built = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const pinned = pinSelf(1);
const key = newSigningKey('bench-key-1');
const stub = await start(`${import.meta.dirname}/stub-descope.mjs`, {
  core: 1,
  env: { BENCH_STUB_KEY: JSON.stringify(key) },
  readyPath: '/stats',
});
const upstream = { DESCOPE_PROJECT_ID: PROJECT_ID, DESCOPE_BASE_URL: stub.url };
const tokens = { repeated: [mint(key)], distinct: mintMany(key, 1000) };
console.log(`minting 2 × ${FRESH} fresh tokens for the every-request-a-miss rows ...`);
// One pool per route: a token (c) sent is not new to (d) (it would be its second sight, which
// the memo admits, so (d) would pay for entries a new token never takes).
tokens.fresh = { c: mintMany(key, FRESH), d: mintMany(key, FRESH) };
const rows = [];
const signIn = {
  method: 'POST',
  place: 'signin',
  tokens: Array.from({ length: 5000 }, (_, i) => `user${i}@example.com`),
};

async function row(server, id, title, options) {
  const peak = sampleRss(server.pid);
  const result = await load({ url: `${server.url}${options.path}`, ...options });
  rows.push({ id, title, ...result, rssMb: peak() });
  const { rps, p50, p99, unexpected, distinctTokens } = result;
  console.log(
    `${id.padEnd(22)} ${String(rps).padStart(6)} req/s  p50 ${p50} ms  p99 ${p99} ms` +
      `  ${unexpected} unexpected  ${distinctTokens} tokens  ${rows.at(-1).rssMb} MB  ${title}`,
  );
}

const anchors = anchorNode();
console.log(`anchors on Node ${anchors.version}, the service on Node ${process.version}`);
const anchorPass = () => measureAnchors({ row, node: anchors.binary, upstream, tokens, signIn });
await anchorPass();

const serviceEnv = {
  ...upstream,
  NODE_ENV: 'production',
  DEVICE_TOKEN_SECRET: 'bench-device-token-secret-0123456789abcdef',
  // The bench's one client IP would hit the per-IP limit at once; every other check stays on.
  RATE_LIMIT_IP_PER_MINUTE: '0',
};
const main = `${root}/dist/src/main.js`;
const nodeFlags = productionNodeFlags(root);
const ready = { core: 0, nodeFlags, readyPath: '/health/ready' };
const service = await start(main, { ...ready, env: serviceEnv });
const idleRss = rssMb(service.pid);
// Warm-up, not recorded: the first seconds of a fresh process run unoptimised code.
const warmUps = [
  ['GET', '/v1/session', 'bearer', 3],
  ['GET', '/health/live', 'bearer', 3],
  ['POST', '/v1/session/validate', 'body', 2],
];
for (const [method, path, place, seconds] of warmUps)
  await load({ url: `${service.url}${path}`, method, place, seconds, tokens: tokens.distinct });
const floor = () => row(service, 'e', 'GET /health/live', { path: '/health/live' });
await floor();
// (c) and (d), each with one token, 1,000 tokens and a new token per request (its own pool).
const routes = [
  ['c', 'GET /v1/session', { path: '/v1/session', place: 'bearer' }, tokens.fresh.c],
  [
    'd',
    'POST /v1/session/validate',
    { path: '/v1/session/validate', method: 'POST', place: 'body' },
    tokens.fresh.d,
  ],
];
for (const [id, name, request, fresh] of routes) {
  await row(service, `${id}.repeated`, `${name}, one token`, {
    ...request,
    tokens: tokens.repeated,
  });
  await row(service, `${id}.distinct`, `${name}, 1,000 tokens`, {
    ...request,
    tokens: tokens.distinct,
  });
  await row(service, `${id}.fresh`, `${name}, every token new`, {
    ...request,
    tokens: fresh,
    seconds: 4,
  });
}
await floor();
await load({ url: `${service.url}/v1/password/signin`, ...signIn, seconds: 2 });
await row(service, 'g.service', 'POST /v1/password/signin', {
  path: '/v1/password/signin',
  ...signIn,
});
rows.push(
  ...(await measureFlood({
    service,
    stub,
    cleanRps: rows.find((r) => r.id === 'c.repeated').rps,
    valid: tokens.repeated,
    intruder: newSigningKey('unused'),
  })),
);
await new Promise((done) => setTimeout(done, 3000));
const settledRss = rssMb(service.pid);
await stop(service);
await anchorPass();

// Start to ready on the embedded emulator, as `npm start` runs once built: the median of three.
const starts = [];
for (let i = 0; i < 3; i++) {
  const cold = await start(main, { ...ready, env: {} });
  starts.push(cold.readyMs);
  await stop(cold);
}
await stop(stub);

report({
  rows,
  pinned,
  idleRss,
  settledRss,
  starts,
  nodeVersions: { anchors: anchors.version, service: process.version },
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
    .stdout?.toString()
    .trim(),
  seconds: process.env.BENCH_SECONDS ?? 8,
});
