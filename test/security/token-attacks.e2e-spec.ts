import { createPublicKey, JsonWebKey } from 'node:crypto';
import { AppHarness, ApiResponse, startApp } from '../support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from '../support/emulator-harness';
import { attackerKeys, b64, forge, nonCanonical, Signer } from '../support/forge';
import { nextSecond } from '../support/revocation';

type Kind = 'DS' | 'DSR';
const COOLDOWN_MS = 1000;
const coolDown = () => new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
type Attack = [name: string, token: (kind: Kind) => string];

/** The four routes that take a token, each presenting it the way its callers do. */
const ROUTES: [string, Kind, (h: AppHarness, token: string) => Promise<ApiResponse>][] = [
  ['GET /v1/session', 'DS', (h, t) => h.api('GET', '/v1/session', { bearer: t })],
  [
    'POST /v1/session/validate',
    'DS',
    (h, t) => h.api('POST', '/v1/session/validate', { body: { sessionJwt: t } }),
  ],
  [
    'POST /v1/session/refresh',
    'DSR',
    (h, t) => h.api('POST', '/v1/session/refresh', { bearer: t }),
  ],
  ['GET /v1/session/me', 'DSR', (h, t) => h.api('GET', '/v1/session/me', { bearer: t })],
];

describe('Security: forged and malformed tokens', () => {
  let h: AppHarness;
  let attacks: Attack[];
  let good: Record<Kind, string>;
  let revoked: string;
  const stats = async () =>
    (await (await fetch(`${h.emulator.baseUrl}/emulator/stats`)).json()) as { jwksFetches: number };

  beforeAll(async () => {
    h = await startApp({ JWKS_COOLDOWN_MS: String(COOLDOWN_MS) });
    const loginId = uniqueEmail('attacks');
    const { body } = await h.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    good = { DS: body.sessionJwt, DSR: body.refreshJwt };
    // Another second: a logout ends the sessions of every refresh token sharing its expiry.
    await nextSecond();
    const other = await h.api('POST', '/v1/password/signin', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    revoked = other.body.refreshJwt;
    await h.api('POST', '/v1/session/logout', { bearer: revoked });
    attacks = buildAttacks(h, good);
  });
  afterAll(() => h.close());

  it('has at least 30 attacks', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROUTES)(
    '%s refuses every attack with 401, or 413/431 when oversized',
    async (_r, kind, send) => {
      for (const [name, token] of attacks) {
        const forged = token(kind);
        const response = await send(h, forged);
        const ok =
          response.status === 401 &&
          ['token_invalid', 'token_expired'].includes(response.body.code);
        const oversize = [413, 431].includes(response.status);
        expect([name, ok || oversize]).toEqual([name, true]);
        expect([name, JSON.stringify(response.body).includes(forged.slice(-20))]).toEqual([
          name,
          false,
        ]);
      }
      console.log(`${_r}: ${attacks.length} forged or malformed tokens refused`);
    },
  );

  it('refuses the wrong kind and a revoked refresh token', async () => {
    for (const [name, kind, send] of ROUTES) {
      const wrong = await send(h, good[kind === 'DS' ? 'DSR' : 'DS']);
      expect([name, wrong.status, wrong.body.code]).toEqual([name, 401, 'token_invalid']);
    }
    const response = await h.api('POST', '/v1/session/refresh', { bearer: revoked });
    expect([response.status, response.body.code]).toEqual([401, 'token_invalid']);
  });

  it('accepts the genuine tokens (positive controls)', async () => {
    for (const [name, kind, send] of ROUTES) {
      expect([name, (await send(h, good[kind])).status]).toEqual([name, 200]);
    }
  });

  it('accepts a token signed after a key rotation, with exactly one key fetch', async () => {
    await coolDown(); // the attacks' unknown kids opened the cooldown
    const before = (await stats()).jwksFetches;
    await fetch(`${h.emulator.baseUrl}/emulator/keys/rotate`, { method: 'POST' });
    const rotated = h.emulator.context.keys.sign({ ...claimsOf(good.DS), iat: now() });
    expect((await h.api('GET', '/v1/session', { bearer: rotated })).status).toBe(200);
    expect((await h.api('GET', '/v1/session', { bearer: rotated })).status).toBe(200);
    expect((await stats()).jwksFetches).toBe(before + 1);
  });

  it('spends at most one key fetch per cooldown on a flood of 1,000 unknown kids', async () => {
    await coolDown(); // the rotation's fetch opened the cooldown
    const signer: Signer = { kind: 'rsa', key: attackerKeys().rsa, hash: 'sha256' };
    const before = (await stats()).jwksFetches;
    const started = Date.now();
    for (let batch = 0; batch < 20; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          h.api('GET', '/v1/session', {
            bearer: forge({ alg: 'RS256', kid: `flood-${batch}-${i}` }, claimsOf(good.DS), signer),
          }),
        ),
      );
    }
    const fetches = (await stats()).jwksFetches - before;
    expect(fetches).toBeGreaterThanOrEqual(1); // the flood did reach the key store
    const windows = Math.floor((Date.now() - started) / COOLDOWN_MS) + 1;
    console.log(`1,000 unknown kids in ${Date.now() - started} ms cost ${fetches} key fetch(es)`);
    expect(fetches).toBeLessThanOrEqual(windows);
  }, 30_000);
});

const now = () => Math.floor(Date.now() / 1000);
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

/** Every attack, as a function of the token kind the route needs. */
function buildAttacks(h: AppHarness, good: Record<Kind, string>): Attack[] {
  const { keys } = h.emulator.context;
  const kid = keys.currentKid;
  const publicJwk = keys.jwks().keys[0] as unknown as JsonWebKey & { n?: string; x?: string };
  const publicPem = createPublicKey({ key: publicJwk, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const mine = attackerKeys();
  const project = h.emulator.projectId;
  const claims = (kind: Kind, extra: object = {}) => ({ ...claimsOf(good[kind]), ...extra });
  const real = (kind: Kind, extra: object = {}, header: Record<string, unknown> = {}) =>
    keys.sign(claims(kind, extra), header);
  const by =
    (signer: Signer, alg: string, header: object = {}) =>
    (kind: Kind) =>
      forge({ alg, kid, ...header }, claims(kind), signer);
  const rsa: Signer = { kind: 'rsa', key: mine.rsa, hash: 'sha256' };
  const [h64, p64] = good.DS.split('.');
  return [
    ['alg none', by({ kind: 'none' }, 'none')],
    ['alg None', by({ kind: 'none' }, 'None')],
    [
      'alg NONE with a signature kept',
      (k) => `${b64({ alg: 'NONE', kid })}.${good[k].split('.').slice(1).join('.')}`,
    ],
    ['signature stripped', (k) => good[k].split('.').slice(0, 2).join('.') + '.'],
    ['two segments', (k) => good[k].split('.').slice(0, 2).join('.')],
    [
      'another token’s signature',
      (k) =>
        `${good[k].split('.').slice(0, 2).join('.')}.${good[k === 'DS' ? 'DSR' : 'DS'].split('.')[2]}`,
    ],
    [
      'payload altered, signature kept',
      (k) =>
        `${good[k].split('.')[0]}.${b64(claims(k, { sub: 'U-admin' }))}.${good[k].split('.')[2]}`,
    ],
    [
      'header altered, signature kept',
      (k) =>
        `${b64({ alg: 'RS256', kid, typ: 'JWT', x: 1 })}.${good[k].split('.').slice(1).join('.')}`,
    ],
    [
      'HS256 keyed with the public key PEM',
      by({ kind: 'hmac', secret: publicPem, hash: 'sha256' }, 'HS256'),
    ],
    [
      'HS256 keyed with the public JWK',
      by({ kind: 'hmac', secret: JSON.stringify(publicJwk), hash: 'sha256' }, 'HS256'),
    ],
    [
      'HS512 keyed with the modulus (or EC x coordinate)',
      by({ kind: 'hmac', secret: String(publicJwk.n ?? publicJwk.x), hash: 'sha512' }, 'HS512'),
    ],
    ['RS256 with the attacker’s key under the real kid', by(rsa, 'RS256')],
    ['RS512 with the attacker’s key under the real kid', by({ ...rsa, hash: 'sha512' }, 'RS512')],
    [
      'PS256 with the attacker’s key under the real kid',
      by({ kind: 'rsa-pss', key: mine.rsa, hash: 'sha256' }, 'PS256'),
    ],
    [
      'ES256 with the attacker’s key under the real kid',
      by({ kind: 'ec', key: mine.ec, hash: 'sha256' }, 'ES256'),
    ],
    [
      'embedded jwk header',
      by(rsa, 'RS256', { jwk: createPublicKey(mine.rsa).export({ format: 'jwk' }) }),
    ],
    ['jku header', by(rsa, 'RS256', { jku: 'https://evil.example/jwks.json' })],
    ['x5u header', by(rsa, 'RS256', { x5u: 'https://evil.example/cert.pem' })],
    ['x5c header', by(rsa, 'RS256', { x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] })],
    ['kid path traversal', by(rsa, 'RS256', { kid: '../../../../etc/passwd' })],
    ['kid injection', by(rsa, 'RS256', { kid: "' OR '1'='1" })],
    ['kid of 6,000 characters', by(rsa, 'RS256', { kid: 'k'.repeat(6000) })],
    ['kid a number', by(rsa, 'RS256', { kid: 1 })],
    ['no kid', (k) => forge({ alg: 'RS256' }, claims(k), rsa)],
    ['no exp (real key)', (k) => real(k, { exp: undefined })],
    ['expired (real key)', (k) => real(k, { exp: now() - 60 })],
    ['future nbf (real key)', (k) => real(k, { nbf: now() + 3600 })],
    ['foreign project (real key)', (k) => real(k, { iss: 'P2SomeoneElse000000000000000000' })],
    [
      'foreign host ending in the project id (real key)',
      (k) => real(k, { iss: `https://evil.example/${project}` }),
    ],
    ['iat a string (real key)', (k) => real(k, { iat: 'yesterday' })],
    ['no sub (real key)', (k) => real(k, { sub: undefined })],
    ['crit header (real key)', (k) => real(k, {}, { crit: ['exp'] })],
    ['non-canonical signature', (k) => nonCanonical(good[k])],
    [
      'standard base64 instead of base64url',
      (k) => good[k].replace(/-/g, '+').replace(/_/g, '/') + '+/',
    ],
    ['padding appended', (k) => `${good[k]}==`],
    [
      'header not JSON',
      (k) => `${b64('{"alg":"RS256",')}.${good[k].split('.').slice(1).join('.')}`,
    ],
    ['payload not JSON', () => `${h64}.${b64('not json')}.${good.DS.split('.')[2]}`],
    ['payload a JSON array', () => `${h64}.${b64('[1,2]')}.${good.DS.split('.')[2]}`],
    [
      'duplicate keys in the header',
      (k) => forge(`{"alg":"none","kid":"${kid}","alg":"RS256"}`, claims(k), rsa),
    ],
    ['five segments', (k) => `${good[k]}.${p64}.${p64}`],
    ['oversized (70 KB)', (k) => `${good[k]}${'A'.repeat(70_000)}`],
  ];
}
