// The two anchors the service is measured against: (a) a raw verifier and (b) the naive Nest app
// (with its sign-in, g.naive). The bench runs them before and after the service's rows, so that a
// machine whose speed drifts during the run biases no ratio: see ./passes.mjs.
import { spawnSync } from 'node:child_process';
import { load } from './load.mjs';
import { start, stop } from './processes.mjs';

const anchor = (script) => `${import.meta.dirname}/../anchors/${script}`;

/**
 * The Node the anchors run on: this one (the project's, from npm) unless BENCH_ANCHOR_NODE names
 * another binary, e.g. /usr/bin/node, to compare with figures taken on the machine's own Node.
 */
export function anchorNode() {
  const binary = process.env.BENCH_ANCHOR_NODE;
  const version = spawnSync(binary ?? process.execPath, ['--version'])
    .stdout?.toString()
    .trim();
  if (!version) throw new Error(`BENCH_ANCHOR_NODE=${binary} is not a Node binary`);
  return { binary, version };
}

/**
 * One pass over the anchors: rows a, b and g.naive through `row(server, id, title, load)`, or with
 * `reverse` (the pass after the service's rows) g.naive, b and a, so each anchor's two passes sit
 * as far before the middle of the run as after it.
 */
export async function measureAnchors({ row, node, upstream, tokens, signIn, reverse = false }) {
  const bearer = { tokens: tokens.repeated, place: 'bearer' };
  const started = (script, readyPath) =>
    start(anchor(script), { core: 0, node, env: upstream, readyPath, readyStatus: 401 });
  const raw = async () => {
    const server = await started('raw-jose.mjs', '/');
    await load({ url: `${server.url}/`, ...bearer, seconds: 2 });
    await row(server, 'a', 'raw node:http + jose jwtVerify', { path: '/', ...bearer });
    await stop(server);
  };
  const naive = async () => {
    const server = await started('naive-nest.mjs', '/session');
    const session = async () => {
      await load({ url: `${server.url}/session`, ...bearer, seconds: 2 });
      await row(server, 'b', 'naive Nest + Express, SDK validateSession', {
        path: '/session',
        ...bearer,
      });
    };
    // Sign-in warms up too (its code, and the stub Descope's on the first pass), as the service's.
    const signInRow = async () => {
      await load({ url: `${server.url}/signin`, ...signIn, seconds: 2 });
      await row(server, 'g.naive', 'naive sign-in through the SDK', { path: '/signin', ...signIn });
    };
    for (const step of reverse ? [signInRow, session] : [session, signInRow]) await step();
    await stop(server);
  };
  for (const step of reverse ? [naive, raw] : [raw, naive]) await step();
}
