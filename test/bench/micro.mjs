// `npm run bench:micro`: the per-call costs behind choices in the code, in CPU µs per call on this
// machine. Descope's fetch (global fetch against undici.request, 50 callers against the stub
// Descope on the other core) and an HMAC-SHA256 keyed with a Buffer against a KeyObject.
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';
import { pinSelf, start, stop } from './lib/processes.mjs';
import { newSigningKey } from './lib/tokens.mjs';

pinSelf(0);
const stub = await start(`${import.meta.dirname}/stub-descope.mjs`, {
  core: 1,
  env: { BENCH_STUB_KEY: JSON.stringify(newSigningKey('micro')) },
  readyPath: '/stats',
});
const url = `${stub.url}/v1/auth/password/signin`;
const body = JSON.stringify({ loginId: 'a@example.com', password: 'x' });
const headers = { 'content-type': 'application/json' };
const agent = new Agent();

/** CPU µs per call of `call`, 50 at a time for `ms` (after as long a warm-up). */
async function perCall(call, ms = 3000) {
  for (const measured of [false, true]) {
    let calls = 0;
    const end = performance.now() + ms;
    const cpu = process.cpuUsage();
    const loop = async () => {
      for (; performance.now() < end; calls++) await call();
    };
    await Promise.all(Array.from({ length: 50 }, loop));
    const used = process.cpuUsage(cpu);
    if (measured) return Math.round((used.user + used.system) / calls);
  }
}

const fetchCost = await perCall(() =>
  fetch(url, { method: 'POST', headers, body }).then((r) => r.text()),
);
const requestCost = await perCall(() =>
  request(url, { method: 'POST', headers, body, dispatcher: agent }).then((r) => r.body.text()),
);
await agent.close();
await stop(stub);

const secret = randomBytes(32);
const keyObject = createSecretKey(secret);
const hmacCost = (key) => {
  const started = performance.now();
  for (let i = 0; i < 200_000; i++) createHmac('sha256', key).update('user@example.com').digest();
  return Math.round((((performance.now() - started) * 1000) / 200_000) * 10) / 10;
};
hmacCost(secret);
console.log(`Descope call: global fetch ${fetchCost} µs, undici.request ${requestCost} µs`);
console.log(`HMAC-SHA256: Buffer key ${hmacCost(secret)} µs, KeyObject ${hmacCost(keyObject)} µs`);
