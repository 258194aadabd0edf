// One load run with autocannon: `tokens` (a pool, cycled) go into each request by `place`.
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const placers = {
  bearer: (request, token) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${token}` },
  }),
  body: (request, token) => ({ ...request, body: JSON.stringify({ sessionJwt: token }) }),
  // Sign-in as many users: the service's guessing budgets reserve a unit per attempt in flight,
  // so one login id with 50 concurrent attempts would be refused as a guessing attack.
  signin: (request, loginId) => ({
    ...request,
    body: JSON.stringify({ loginId, password: 'Correct-Horse-9' }),
  }),
  none: (request) => request,
};

/**
 * Loads `url` for BENCH_SECONDS with BENCH_CONNECTIONS connections. `tokens` are used in turn
 * (a pool of one repeats one token); `rate` caps requests per second over all connections.
 * Answers req/s, p50/p99 latency (ms), and the count of answers that were not `expect`.
 */
export async function load({
  url,
  method = 'GET',
  body,
  tokens = [''],
  place = 'none',
  rate,
  seconds = SECONDS,
  expect = 200,
}) {
  let next = 0;
  const json = body || place === 'body' || place === 'signin';
  const headers = json ? { 'content-type': 'application/json' } : {};
  const setupRequest = (request) => placers[place](request, tokens[next++ % tokens.length]);
  const unexpected = { count: 0, statuses: {} };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [{ method, headers, body: body && JSON.stringify(body), setupRequest }],
    setupClient: (client) =>
      client.on('response', (status) => {
        if (status === expect) return;
        unexpected.count++;
        unexpected.statuses[status] = (unexpected.statuses[status] ?? 0) + 1;
      }),
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    unexpected: unexpected.count + result.errors + result.timeouts,
    unexpectedStatuses: unexpected.statuses,
    distinctTokens: Math.min(tokens.length, next),
    // More requests than tokens: the pool came round again, so a token went more than once.
    tokensRepeated: tokens.length > 1 && next > tokens.length,
  };
}
