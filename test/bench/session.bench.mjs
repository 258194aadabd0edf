// Load benchmark of the session hot path: `npm run bench` (builds first).
// Starts the built service on the embedded emulator, signs up one user, then drives
// POST /v1/session/validate and GET /v1/session with autocannon from this process.
// Loopback only; bounded by BENCH_SECONDS (default 10) per route.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const main = resolve(import.meta.dirname, '../../dist/src/main.js');

const service = spawn(process.execPath, [main], {
  cwd: mkdtempSync(join(tmpdir(), 'bench-')),
  env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', NO_COLOR: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((done, fail) => {
  let output = '';
  service.stdout.on('data', (chunk) => {
    output += chunk;
    const match = /Listening on (http:\/\/\S+) /.exec(output);
    if (match) done(match[1]);
  });
  service.on('exit', () => fail(new Error(`service exited:\n${output}`)));
});

try {
  const signUp = await fetch(`${url}/v1/password/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId: 'bench@example.com', password: 'Correct-Horse-9' }),
  });
  const { sessionJwt } = await signUp.json();
  const routes = [
    {
      title: 'POST /v1/session/validate',
      method: 'POST',
      path: '/v1/session/validate',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionJwt }),
    },
    {
      title: 'GET /v1/session (bearer, guard + Passport)',
      method: 'GET',
      path: '/v1/session',
      headers: { authorization: `Bearer ${sessionJwt}` },
    },
    { title: 'GET /health/live (framework floor)', method: 'GET', path: '/health/live' },
  ];
  for (const { title, ...request } of routes) {
    const result = await autocannon({
      url: `${url}${request.path}`,
      ...request,
      connections,
      duration: seconds,
    });
    const ok = result['2xx'];
    console.log(
      `${title}: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  }
} finally {
  service.kill('SIGTERM');
}
