import { startEmulator } from '@app/descope-emulator';
import DescopeClient from '@descope/node-sdk';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { startApp } from './support/app-harness';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

/**
 * EMULATOR_DATA_DIR: a restart keeps users, keys, TOTP seeds and live refresh tokens, so a
 * developer's frontend stays signed in; a truncated or altered file is refused with one line and
 * left as it was.
 */
describe('Emulator state saved across restarts (dataDir)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'emulator-state-'));
  const file = join(dataDir, 'emulator-state.json');

  it('signs in, refreshes and verifies TOTP after a restart as before it', async () => {
    const loginId = uniqueEmail('kept');
    const totpUser = uniqueEmail('kept-totp');
    const first = await startEmulator({ dataDir });
    const before = await startApp({}, first);
    const signUp = await before.api('POST', '/v1/password/signup', {
      body: { loginId, password: STRONG_PASSWORD },
    });
    const enrolled = await before.api('POST', '/v1/totp/signup', { body: { loginId: totpUser } });
    const code = generateSync({ secret: enrolled.body.key as string });
    expect(
      (await before.api('POST', '/v1/totp/verify', { body: { loginId: totpUser, code } })).status,
    ).toBe(200);
    await before.close();
    await first.close();

    const second = await startEmulator({ dataDir });
    const after = await startApp({}, second);
    try {
      const signIn = await after.api('POST', '/v1/password/signin', {
        body: { loginId, password: STRONG_PASSWORD },
      });
      expect(signIn.status).toBe(200);
      const refreshed = await after.api('POST', '/v1/session/refresh', {
        bearer: signUp.body.refreshJwt as string,
      });
      expect(refreshed.status).toBe(200);
      // The next time step's code from the seed enrolled before the restart.
      const next = generateSync({
        secret: enrolled.body.key as string,
        epoch: Math.floor(Date.now() / 1000) + 30,
      });
      const totp = await after.api('POST', '/v1/totp/verify', {
        body: { loginId: totpUser, code: next },
      });
      expect(totp.status).toBe(200);
    } finally {
      await after.close();
      await second.close();
    }
  });

  it('refuses a truncated or altered file with one line, and leaves it as it was', async () => {
    const saved = readFileSync(file, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['truncated', saved.slice(0, saved.length / 2), /not valid JSON/],
      [
        'another project',
        saved.replace(/"projectId":"[^"]+"/, '"projectId":"Pother"'),
        /another project/,
      ],
      ['not a state file', '{"hello":"world"}', /not a Descope emulator state file/],
    ];
    for (const [, text, reason] of cases) {
      const dir = mkdtempSync(join(tmpdir(), 'emulator-bad-'));
      writeFileSync(join(dir, 'emulator-state.json'), text);
      await expect(startEmulator({ dataDir: dir })).rejects.toThrow(reason);
      expect(readFileSync(join(dir, 'emulator-state.json'), 'utf8')).toBe(text);
    }
  });

  it('exports and imports the state over the admin routes; a foreign one changes nothing', async () => {
    const loginId = uniqueEmail('moved');
    const [from, to] = [await startEmulator(), await startEmulator()];
    try {
      const sdk = DescopeClient({ projectId: from.projectId, baseUrl: from.baseUrl });
      expect((await sdk.password.signUp(loginId, STRONG_PASSWORD)).ok).toBe(true);
      const state = (await (await fetch(`${from.baseUrl}/emulator/state`)).json()) as {
        projectId: string;
      };
      const post = (body: object) =>
        fetch(`${to.baseUrl}/emulator/state`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const foreign = await post({ ...state, projectId: 'Pother' });
      expect(foreign.status).toBe(400);
      const other = DescopeClient({ projectId: to.projectId, baseUrl: to.baseUrl });
      expect((await other.password.signIn(loginId, STRONG_PASSWORD)).ok).toBe(false);
      expect((await post(state)).status).toBe(200);
      expect((await other.password.signIn(loginId, STRONG_PASSWORD)).ok).toBe(true);
    } finally {
      await from.close();
      await to.close();
    }
  });
});
