// A stub Descope for the bench: the key set, and a password sign-in that answers a canned,
// validly signed response at once, so the upstream is never the bottleneck. It counts key-set
// fetches (and when each came) at GET /stats. Started by bench.mjs with BENCH_STUB_KEY (the
// signing key as JSON).
import { createServer } from 'node:http';
import { mint, PROJECT_ID } from './lib/tokens.mjs';

const key = JSON.parse(process.env.BENCH_STUB_KEY);
const keySet = JSON.stringify({ keys: [key.jwk] });
// When each key-set fetch arrived (ms since the stub started), for the flood's cooldown check.
const stats = { jwksFetches: 0, jwksFetchTimes: [], signIns: 0 };
const user = { userId: 'U2benchuser', loginIds: ['bench@example.com'], email: 'bench@example.com' };
const signIn = JSON.stringify({
  sessionJwt: mint(key),
  refreshJwt: mint(key, { drn: 'DSR', exp: Math.floor(Date.now() / 1000) + 86_400 }),
  user,
  firstSeen: false,
});

const send = (response, status, body) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(body);

const server = createServer((request, response) => {
  request.resume();
  const path = request.url.split('?')[0];
  if (path === `/v2/keys/${PROJECT_ID}`) {
    stats.jwksFetches++;
    stats.jwksFetchTimes.push(performance.now());
    return send(response, 200, keySet);
  }
  if (path === '/v1/auth/password/signin' && request.method === 'POST') {
    stats.signIns++;
    return request.on('end', () => send(response, 200, signIn));
  }
  // Logout (the propagation row): Descope answers an empty object.
  if (path === '/v1/auth/logout' && request.method === 'POST') {
    request.resume();
    return request.on('end', () => send(response, 200, '{}'));
  }
  if (path === '/stats') return send(response, 200, JSON.stringify(stats));
  if (path === '/v1/mgmt/license') return send(response, 200, '{}');
  send(response, 404, JSON.stringify({ errorCode: 'E011001', errorDescription: 'Not found' }));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
