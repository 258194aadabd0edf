// Logout propagation between two instances on one Redis: from the 204 of a logout on `a` to the
// first 401 on `b` for the same session token, which `b` had verified twice before (a memo hit).
// Tokens are minted here (a session with `rexp` and its refresh token); the stub answers logout.
import { mint } from './tokens.mjs';

const LOGOUTS = 200;

const get = (url, bearer) =>
  fetch(url, { headers: { authorization: `Bearer ${bearer}` } }).then((r) => r.status);

/** p50 and p99 (ms) over LOGOUTS logouts; throws when a session is not refused within 5 s. */
export async function measurePropagation(a, b, key) {
  const times = [];
  for (let i = 0; i < LOGOUTS; i++) {
    const now = Math.floor(Date.now() / 1000);
    const sub = `U2propagation${i}`;
    const refresh = mint(key, { sub, drn: 'DSR', exp: now + 86_400 + i });
    const session = mint(key, {
      sub,
      rexp: new Date((now + 86_400 + i) * 1000).toISOString().replace('.000Z', 'Z'),
    });
    for (let seen = 0; seen < 2; seen++) await get(`${b.url}/v1/session`, session);
    const out = await fetch(`${a.url}/v1/session/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session}`, cookie: `DSR=${refresh}` },
    });
    if (out.status !== 204) throw new Error(`logout answered ${out.status}`);
    const started = performance.now();
    while ((await get(`${b.url}/v1/session`, session)) === 200) {
      if (performance.now() - started > 5000) throw new Error('a logout never reached b');
    }
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  const at = (q) => Math.round(times[Math.floor(q * (times.length - 1))] * 10) / 10;
  return { logouts: LOGOUTS, p50: at(0.5), p99: at(0.99) };
}
