import { request as httpRequest } from 'node:http';
import { RawEmulator, startRawEmulator } from '../support/raw-http';

/**
 * The emulator's UI and admin routes hold every password hash, TOTP seed and private key and can
 * create users and break the service on purpose: attacks from a web page in the developer's
 * browser (another origin, DNS rebinding, a form post) and odd Host spellings.
 */
describe('Security: the emulator admin routes and UI', () => {
  let r: RawEmulator;
  beforeAll(async () => {
    r = await startRawEmulator();
  });
  afterAll(() => r.emulator.close());

  /** Raw requests: the Host, Origin and Sec-Fetch headers are exactly the attacker's. */
  const send: RawEmulator['send'] = (...args) => r.send(...args);
  const own = () => r.own();
  const userCount = () => r.userCount();

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
      expect((await send('GET', '/', { host: host.replace('PORT', String(r.port)) })).status).toBe(
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
      httpRequest({ host: '127.0.0.1', port: r.port, path: '/' }, (res) =>
        resolve(res.headers),
      ).end(),
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
    expect(r.emulator.context.options.adminRemote).toBe(false);
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
    expect((await send('GET', `/v2/keys/${r.emulator.projectId}`, { host: own() })).status).toBe(
      503,
    );
    expect((await send('DELETE', '/emulator/faults', { host: own() })).status).toBe(200);
    expect((await send('GET', `/v2/keys/${r.emulator.projectId}`, { host: own() })).status).toBe(
      200,
    );
  });
});
