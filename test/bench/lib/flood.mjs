// (f) the unknown-kid flood: half the clean maximum, in two streams of a quarter each from the
// same load generator. First both valid (the clean p99), then one valid beside one of unknown
// kids, so that only what the second stream carries changes. Key-set fetches are counted through
// the stub Descope's stats.
import { load } from './load.mjs';
import { mint } from './tokens.mjs';

/** Answers the rows f.clean, f.valid and f.flood for `service` loaded at `cleanRps` / 2. */
export async function measureFlood({ service, stub, cleanRps, valid, intruder }) {
  const quarter = Math.round(cleanRps / 4);
  const forged = Array.from({ length: 5000 }, (_, i) => mint({ ...intruder, kid: `unknown-${i}` }));
  const url = `${service.url}/v1/session`;
  const pair = (second, expect, seconds) =>
    Promise.all([
      load({ url, place: 'bearer', tokens: valid, rate: quarter, seconds }),
      load({ url, place: 'bearer', tokens: second, rate: quarter, seconds, expect }),
    ]);
  const stats = async () => (await (await fetch(`${stub.url}/stats`)).json()).jwksFetches;
  // Two unrecorded seconds first: the sign-in rows leave collections behind.
  await pair(valid, 200, 2);
  const [clean] = await pair(valid, 200);
  const before = await stats();
  const [during, flood] = await pair(forged, 401);
  const jwksFetches = (await stats()) - before;
  console.log(
    `f.valid p99 ${during.p99} ms beside ${flood.requests} unknown-kid requests; ${jwksFetches} key-set fetches`,
  );
  return [
    { id: 'f.clean', title: `valid tokens at ${quarter} req/s beside as many valid`, ...clean },
    { id: 'f.valid', title: 'valid tokens during the unknown-kid flood', ...during },
    { id: 'f.flood', title: 'unknown-kid tokens (401 expected)', ...flood, jwksFetches },
  ];
}
