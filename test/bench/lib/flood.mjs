// (f) the unknown-kid flood: half the clean maximum, in two streams of a quarter each from the
// same load generator. Clean windows have both streams valid (the clean p99); flood windows put
// one valid stream beside one of unknown kids, so that only what the second stream carries
// changes. Rate-capped load at 50 connections has a p99 that jumps between 4 and 40 ms from one
// window of a few seconds to the next, on the raw verifier (a) as on this service, so one window
// each would decide the verdict by chance: the windows come mirrored (clean, flood, flood, clean,
// twice), and each p99 is the median over its windows. The stub Descope records when each key-set fetch
// arrives: no two may come less than a cooldown apart.
import { load } from './load.mjs';
import { mint } from './tokens.mjs';

const WINDOW_SECONDS = 2;
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
  // The stub's arrival times (ms) of every key-set fetch so far.
  const fetchTimes = async () => (await (await fetch(`${stub.url}/stats`)).json()).jwksFetchTimes;
  // Two unrecorded seconds first: the rows before leave collections behind.
  await pair(valid, 200, 2);
  const windows = { clean: [], valid: [], flood: [] };
  const before = (await fetchTimes()).length;
  for (const kind of ORDER) {
    const flood = kind === 'flood';
    const [first, second] = await pair(flood ? forged : valid, flood ? 401 : 200);
    if (!flood) windows.clean.push(first, second);
    else (windows.valid.push(first), windows.flood.push(second));
  }
  // Clean windows fetch nothing (their kids are known), so every fetch since is the flood's: the
  // shortest gap between two of them must be a whole cooldown.
  const fetches = (await fetchTimes()).slice(before);
  const gaps = fetches.slice(1).map((at, i) => Math.round(at - fetches[i]));
  const rows = [
    merged('f.clean', `valid tokens at ${quarter} req/s beside as many valid`, windows.clean),
    merged('f.valid', 'valid tokens during the unknown-kid flood', windows.valid),
    merged('f.flood', 'unknown-kid tokens (401 expected)', windows.flood, {
      jwksFetches: fetches.length,
      shortestFetchGapMs: gaps.length ? Math.min(...gaps) : undefined,
    }),
  ];
  console.log(
    `f.valid p99 ${rows[1].p99} ms (clean ${rows[0].p99}) beside ${rows[2].requests} ` +
      `unknown-kid requests; ${fetches.length} key-set fetches, ${gaps.join(', ')} ms apart`,
  );
  return rows;
}
