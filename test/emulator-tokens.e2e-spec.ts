import DescopeClient from '@descope/node-sdk';
import { createPublicKey, verify } from 'node:crypto';
import {
  decodeJwt,
  EmulatorHarness,
  STRONG_PASSWORD,
  startHarness,
  uniqueEmail,
} from './support/emulator-harness';

interface Jwks {
  keys: { kty: string; kid: string; alg: string; use: string; n: string; e: string }[];
}

/** Verifies an RS256 JWT against a JWKS with node:crypto only, independent of the SDK. */
function verifiesAgainst(jwt: string, jwks: Jwks): boolean {
  const { header } = decodeJwt(jwt);
  const jwk = jwks.keys.find((key) => key.kid === header.kid);
  if (!jwk) return false;
  const [head, body, signature] = jwt.split('.');
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature, 'base64url'));
}

describe('Emulator: tokens and keys', () => {
  let h: EmulatorHarness;
  const jwks = async () =>
    (await (await h.raw('GET', `/v2/keys/${h.emulator.projectId}`)).json()) as Jwks;
  const jwksFetches = async () =>
    ((await (await h.raw('GET', '/emulator/stats')).json()) as { jwksFetches: number }).jwksFetches;
  const signIn = async (loginId: string) =>
    (await h.sdk.password.signIn(loginId, STRONG_PASSWORD)).data!;

  beforeAll(async () => {
    h = await startHarness({ keyGraceSeconds: 600 });
  });
  afterAll(() => h.close());

  it('signs RS256 session and refresh tokens whose kid is in the JWKS', async () => {
    const { data } = await h.sdk.password.signUp(uniqueEmail(), STRONG_PASSWORD);
    const keySet = await jwks();
    expect(keySet.keys).toEqual([
      {
        kty: 'RSA',
        kid: expect.any(String),
        alg: 'RS256',
        use: 'sig',
        n: expect.any(String),
        e: 'AQAB',
      },
    ]);
    expect(Buffer.from(keySet.keys[0].n, 'base64url').length).toBe(256);

    const session = decodeJwt(data!.sessionJwt);
    const refresh = decodeJwt(data!.refreshJwt!);
    for (const token of [session, refresh]) {
      expect(token.header).toMatchObject({ alg: 'RS256', kid: keySet.keys[0].kid });
      expect(token.payload).toMatchObject({ sub: data!.user!.userId, iss: h.emulator.projectId });
      expect(token.payload.exp).toBeGreaterThan(token.payload.iat as number);
    }
    expect(session.payload.drn).toBe('DS');
    expect((session.payload.exp as number) - (session.payload.iat as number)).toBe(600);
    expect(refresh.payload.drn).toBe('DSR');
    expect((refresh.payload.exp as number) - (refresh.payload.iat as number)).toBe(30 * 24 * 3600);
    expect(refresh.payload.jti).toEqual(expect.any(String));
    expect(verifiesAgainst(data!.sessionJwt, keySet)).toBe(true);
    expect(verifiesAgainst(data!.refreshJwt!, keySet)).toBe(true);
  });

  it('gives every refresh token its own jti', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const jtis = new Set<unknown>();
    for (let i = 0; i < 3; i += 1)
      jtis.add(decodeJwt((await signIn(loginId)).refreshJwt!).payload.jti);
    expect(jtis.size).toBe(3);
  });

  it('rotates keys: new kid, both valid in the grace period, old refused once dropped', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const client = DescopeClient({ projectId: h.emulator.projectId, baseUrl: h.emulator.baseUrl });
    const before = await jwksFetches();
    const oldToken = (await signIn(loginId)).sessionJwt;
    await client.validateSession(oldToken);
    expect(await jwksFetches()).toBe(before + 1);

    const rotated = (await (await h.raw('POST', '/emulator/keys/rotate')).json()) as {
      kid: string;
    };
    const newToken = (await signIn(loginId)).sessionJwt;
    expect(decodeJwt(newToken).header.kid).toBe(rotated.kid);
    expect(decodeJwt(oldToken).header.kid).not.toBe(rotated.kid);
    expect((await jwks()).keys.map((key) => key.kid)).toContain(decodeJwt(oldToken).header.kid);

    await client.validateSession(newToken);
    await client.validateSession(oldToken);
    await client.validateSession(newToken);
    const fresh = DescopeClient({ projectId: h.emulator.projectId, baseUrl: h.emulator.baseUrl });
    await expect(fresh.validateSession(oldToken)).resolves.toBeDefined();

    await h.raw('POST', '/emulator/keys/rotate?drop=true');
    expect((await jwks()).keys).toHaveLength(1);
    const afterDrop = DescopeClient({
      projectId: h.emulator.projectId,
      baseUrl: h.emulator.baseUrl,
    });
    await expect(afterDrop.validateSession(oldToken)).rejects.toThrow(
      'failed to fetch matching key',
    );
    await expect(afterDrop.validateSession(newToken)).rejects.toThrow(
      'failed to fetch matching key',
    );
    const newest = (await signIn(loginId)).sessionJwt;
    await expect(afterDrop.validateSession(newest)).resolves.toBeDefined();
  });

  it('counts JWKS fetches: one per unknown kid, none for a cached one', async () => {
    const loginId = uniqueEmail();
    await h.sdk.password.signUp(loginId, STRONG_PASSWORD);
    const client = DescopeClient({ projectId: h.emulator.projectId, baseUrl: h.emulator.baseUrl });
    const token = (await signIn(loginId)).sessionJwt;
    const before = await jwksFetches();
    await client.validateSession(token);
    await client.validateSession(token);
    expect(await jwksFetches()).toBe(before + 1);
  });
});
