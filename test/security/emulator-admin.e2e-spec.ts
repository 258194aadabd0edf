import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';

const BUILT = resolve(__dirname, '../../dist/libs/descope-emulator/src/index.js');

interface Answer {
  status: number;
  body: string;
}

/**
 * The emulator's UI and admin routes hold every password hash, TOTP seed and private key and can
 * create users and break the service on purpose: attacks from a web page in the developer's
 * browser (another origin, DNS rebinding, a form post) and odd Host spellings.
 */
describe('Security: the emulator admin routes and UI', () => {
  let emulator: RunningEmulator;
  let port: number;

  beforeAll(async () => {
    emulator = await startEmulator();
    port = Number(new URL(emulator.baseUrl).port);
  });
  afterAll(() => emulator.close());

  /** A raw request, so the Host, Origin and Sec-Fetch headers are exactly the attacker's. */
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const own = () => `127.0.0.1:${port}`;
  const userCount = async () =>
    (JSON.parse((await send('GET', '/emulator/users', { host: own() })).body) as { users: [] })
      .users.length;

  it.each([
    ['a DNS-rebinding name', `evil.example:4500`],
    ['a loopback-looking prefix', `127.0.0.1.evil.example:4500`],
    ['localhost as a subdomain of another', `localhost.evil.example`],
  ])('refuses the saved state to %s in Host', async (_, host) => {
    const answer = await send('GET', '/emulator/state', { host });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('privateKeyPem');
  });

  it.each(['localhost', 'localhost:PORT', '[::1]:PORT', 'dev.localhost', '127.0.0.1:PORT'])(
    'serves the UI to Host %s',
    async (host) => {
      expect((await send('GET', '/', { host: host.replace('PORT', String(port)) })).status).toBe(
        200,
      );
    },
  );

  it.each([
    ['another site', { origin: 'http://evil.example' }],
    ['another local port (the same site)', { origin: `http://localhost:3000` }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }],
    ['a form post navigating', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }],
  ])('refuses a user created from %s, as text/plain too', async (_, headers) => {
    const before = await userCount();
    const answer = await send(
      'POST',
      '/emulator/users',
      { host: own(), 'content-type': 'text/plain', ...headers },
      JSON.stringify({ loginId: 'planted@example.com', password: 'Planted-Password-1' }),
    );
    expect(answer.status).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it('lets a followed link open the page, but not read the state from another site', async () => {
    const link = { host: own(), 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' };
    expect((await send('GET', '/', link)).status).toBe(200);
    const read = { ...link, 'sec-fetch-mode': 'cors', origin: 'http://evil.example' };
    expect((await send('GET', '/emulator/state', read)).status).toBe(403);
  });

  it('sends the page with a CSP that allows no inline script and no framing', async () => {
    const answer = await new Promise<Record<string, unknown>>((resolve) =>
      httpRequest({ host: '127.0.0.1', port, path: '/' }, (res) => resolve(res.headers)).end(),
    );
    expect(answer['content-security-policy']).toContain("script-src 'self'");
    expect(answer['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer['x-frame-options']).toBe('DENY');
  });

  it('never lists a password hash or a TOTP seed', async () => {
    await send(
      'POST',
      '/emulator/users',
      { host: own() },
      '{"loginId":"hash@example.com","password":"Hidden-Pass-123"}',
    );
    const listed = (await send('GET', '/emulator/users?q=hash', { host: own() })).body;
    expect(listed).toContain('hash@example.com');
    expect(listed).not.toMatch(/scrypt|passwordHash|"totp"/);
  });

  it('refuses a settings body that reaches for the prototype, changing nothing', async () => {
    const answer = await send(
      'POST',
      '/emulator/settings',
      { host: own() },
      '{"__proto__":{"adminRemote":true}}',
    );
    expect(answer.status).toBe(400);
    expect(emulator.context.options.adminRemote).toBe(false);
    expect(({} as Record<string, unknown>).adminRemote).toBeUndefined();
  });

  it('never injects a fault into its own admin routes: a fault on /* can always be cleared', async () => {
    const added = await send(
      'POST',
      '/emulator/faults',
      { host: own() },
      '{"path":"/*","status":503}',
    );
    expect(added.status).toBe(201);
    expect((await send('GET', `/v2/keys/${emulator.projectId}`, { host: own() })).status).toBe(503);
    expect((await send('DELETE', '/emulator/faults', { host: own() })).status).toBe(200);
    expect((await send('GET', `/v2/keys/${emulator.projectId}`, { host: own() })).status).toBe(200);
  });

  describe('what an attacker helper broke, now refused', () => {
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const auth = () => ({ host: own(), authorization: `Bearer ${emulator.projectId}` });

    it('refuses a body nested 20,000 deep with 400, and keeps serving', async () => {
      const claims = `{"loginId":"deep@example.com","password":"Deep-Pass-123","loginOptions":{"customClaims":{"a":${deep(20_000)}}}}`;
      const signIn = await send('POST', '/v1/auth/password/signin', auth(), claims);
      expect(signIn.status).toBe(400);
      const user = `{"loginId":"deep2@example.com","customAttributes":{"a":${deep(40)}}}`;
      expect((await send('POST', '/emulator/users', { host: own() }, user)).status).toBe(400);
      expect((await send('GET', '/emulator/sessions', { host: own() })).status).toBe(200);
    });

    it('refuses a state with one malformed user whole, keeping every user', async () => {
      const before = await userCount();
      const state = JSON.parse((await send('GET', '/emulator/state', { host: own() })).body);
      state.users.push({ ...state.users[0], userId: 'Ubad', loginIds: [5] });
      const imported = await send(
        'POST',
        '/emulator/state',
        { host: own() },
        JSON.stringify(state),
      );
      expect([imported.status, imported.body]).toEqual([400, expect.stringContaining('loginIds')]);
      expect(await userCount()).toBe(before);
    });

    it.each([{ refreshTtlSeconds: 9e15 }, { sessionTtlSeconds: 1e308 }, { ipRateLimit: -1 }])(
      'refuses the setting %j',
      async (setting) => {
        const body = JSON.stringify(setting);
        expect((await send('POST', '/emulator/settings', { host: own() }, body)).status).toBe(400);
      },
    );

    it('answers a malformed % escape in a path segment with 400, not 500', async () => {
      expect((await send('DELETE', '/emulator/sessions/%E0%A4', { host: own() })).status).toBe(400);
      expect((await send('GET', '/v2/keys/%ff', { host: own() })).status).toBe(400);
    });

    it('creates no role when a user edit is refused', async () => {
      const body = '{"loginId":"roles@example.com","roleNames":["planted"],"userTenants":[{}]}';
      expect((await send('POST', '/emulator/users', { host: own() }, body)).status).toBe(400);
      expect(emulator.context.store.findRole('planted')).toBeUndefined();
    });

    it('keeps a tenant named __proto__ in the token claims', async () => {
      const created = await send(
        'POST',
        '/emulator/users',
        { host: own() },
        '{"loginId":"proto@example.com","password":"Proto-Pass-123","userTenants":[{"tenantId":"__proto__","roleNames":["r"]}]}',
      );
      expect(created.status).toBe(201);
      const signIn = await send(
        'POST',
        '/v1/auth/password/signin',
        auth(),
        '{"loginId":"proto@example.com","password":"Proto-Pass-123"}',
      );
      const session = JSON.parse(signIn.body).sessionJwt as string;
      const claims = JSON.parse(Buffer.from(session.split('.')[1], 'base64url').toString());
      expect(Object.keys(claims.tenants)).toEqual(['__proto__']);
    });

    it('never keeps a closed emulator’s process alive with a pending 60 s latency fault', async () => {
      // The built emulator (npm test builds first) in its own process: it must exit at once.
      const script = `
        const { startEmulator } = require(${JSON.stringify(BUILT)});
        startEmulator().then(async (e) => {
          const post = (path, body) => fetch(e.baseUrl + path, { method: 'POST', body });
          await post('/emulator/faults', '{"path":"/v1/slow","latencyMs":60000}');
          fetch(e.baseUrl + '/v1/slow').catch(() => {});
          while (!(await (await fetch(e.baseUrl + '/emulator/faults')).text()).includes('"hits":1'));
          await e.close();
        });`;
      const started = Date.now();
      const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
      const kill = setTimeout(() => child.kill(), 15_000);
      const code = await new Promise((done) => child.on('exit', done));
      clearTimeout(kill);
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
    }, 30_000);
  });
});
