import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { RawEmulator, startRawEmulator } from '../support/raw-http';

const BUILT = resolve(__dirname, '../../dist/libs/descope-emulator/src/index.js');

/**
 * Inputs an attacker helper used to break the emulator (a crash, a half-applied import, a 500,
 * a process kept alive), each now refused: the emulator keeps running and its state stays whole.
 */
describe('Security: hostile input to the emulator admin and auth routes', () => {
  let r: RawEmulator;
  beforeAll(async () => {
    r = await startRawEmulator();
  });
  afterAll(() => r.emulator.close());

  /** Raw requests: the Host, Origin and Sec-Fetch headers are exactly the attacker's. */
  const send: RawEmulator['send'] = (...args) => r.send(...args);
  const own = () => r.own();
  const userCount = () => r.userCount();

  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const auth = () => ({ host: own(), authorization: `Bearer ${r.emulator.projectId}` });

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
    const imported = await send('POST', '/emulator/state', { host: own() }, JSON.stringify(state));
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
    expect(r.emulator.context.store.findRole('planted')).toBeUndefined();
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
