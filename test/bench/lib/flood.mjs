// (f) the unknown-kid flood: half the clean maximum, in two streams of a quarter each from the
// same load generator. Clean windows have both streams valid (the clean p99); flood windows put
// one valid stream beside one of unknown kids, so that only what the second stream carries
// changes. Rate-capped load at 50 connections has a p99 that jumps between 4 and 40 ms from one
// 3 s window to the next, on the raw verifier (a) as on this service, so one window each would
// decide the verdict by chance: the windows come mirrored (clean, flood, flood, clean, twice), and
// each p99 is the median over its windows. Key-set fetches are counted through the stub Descope's
// stats over each block of two flood windows, against one per cooldown the block began.
import { load } from './load.mjs';
import { mint } from './tokens.mjs';

const WINDOW_SECONDS = 2;
/** The service's JWKS_COOLDOWN_MS default, in seconds: at most one key-set fetch per cooldown. */
export const COOLDOWN_SECONDS = 5;
const ORDER = ['clean', 'flood', 'flood', 'clean', 'clean', 'flood', 'flood', 'clean'];

const median = (values) => {
  const sorted = values.toSorted((x, y) => x - y);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle | 0];
};

/** One row from the windows of one stream: requests summed, p50 and p99 their medians. */
function merged(id, title, windows, extra = {}) {
  const sum = (key) => windows.reduce((total, w) => total + w[key], 0);
  return {
    id,
    title,
    rps: Math.round(sum('rps') / windows.length),
    p50: median(windows.map((w) => w.p50)),
    p99: median(windows.map((w) => w.p99)),
    requests: sum('requests'),
    unexpected: sum('unexpected'),
    windows: windows.map(({ rps, p50, p99 }) => ({ rps, p50, p99 })),
    ...extra,
  };
}

/** Answers the rows f.clean, f.valid and f.flood for `service` loaded at `cleanRps` / 2. */
export async function measureFlood({ service, stub, cleanRps, valid, intruder }) {
  const quarter = Math.round(cleanRps / 4);
  const forged = Array.from({ length: 5000 }, (_, i) => mint({ ...intruder, kid: `unknown-${i}` }));
  const url = `${service.url}/v1/session`;
  const pair = (second, expect, seconds = WINDOW_SECONDS) =>
    Promise.all([
      load({ url, place: 'bearer', tokens: valid, rate: quarter, seconds }),
      load({ url, place: 'bearer', tokens: second, rate: quarter, seconds, expect }),
    ]);
  const stats = async () => (await (await fetch(`${stub.url}/stats`)).json()).jwksFetches;
  // Two unrecorded seconds first: the sign-in rows leave collections behind.
  await pair(valid, 200, 2);
  const windows = { clean: [], valid: [], flood: [] };
  // Each block of flood windows: its key-set fetches and its length in wall time (a window takes
  // a little longer than its 2 s of load), so the allowance is one per started cooldown.
  const blocks = [];
  for (const [i, kind] of ORDER.entries()) {
    if (kind === 'flood' && ORDER[i - 1] !== 'flood')
      blocks.push({ fetches: await stats(), started: performance.now() });
    const flood = kind === 'flood';
    const [first, second] = await pair(flood ? forged : valid, flood ? 401 : 200);
    if (!flood) windows.clean.push(first, second);
    else (windows.valid.push(first), windows.flood.push(second));
    if (flood && ORDER[i + 1] !== 'flood') {
      const block = blocks.at(-1);
      block.fetches = (await stats()) - block.fetches;
      block.seconds = Math.round(performance.now() - block.started) / 1000;
      delete block.started;
    }
  }
  const jwksFetches = blocks.reduce((total, block) => total + block.fetches, 0);
  const allowedFetches = blocks.reduce(
    (total, block) => total + Math.ceil(block.seconds / COOLDOWN_SECONDS),
    0,
  );
  const rows = [
    merged('f.clean', `valid tokens at ${quarter} req/s beside as many valid`, windows.clean),
    merged('f.valid', 'valid tokens during the unknown-kid flood', windows.valid),
    merged('f.flood', 'unknown-kid tokens (401 expected)', windows.flood, {
      jwksFetches,
      allowedFetches,
      blocks,
    }),
  ];
  console.log(
    `f.valid p99 ${rows[1].p99} ms (clean ${rows[0].p99}) beside ${rows[2].requests} unknown-kid requests; key-set fetches ${jwksFetches} (${blocks.map((b) => `${b.fetches} in ${b.seconds} s`).join(', ')})`,
  );
  return rows;
}
