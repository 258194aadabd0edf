import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

const MAIN = resolve(__dirname, '../dist/src/main.js');

/** Runs the built service (`npm run build` first) in an empty directory with only `env`. */
function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | string | null>;
} {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: mkdtempSync(join(tmpdir(), 'zero-config-')),
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((done) =>
    child.on('exit', (code, signal) => done(code ?? signal)),
  );
  return { child, output: () => output, exited };
}

async function waitFor(
  output: () => string,
  pattern: RegExp,
  exited: Promise<unknown>,
): Promise<RegExpExecArray> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  for (let waited = 0; waited < 20000; waited += 50) {
    const match = pattern.exec(output());
    if (match) return match;
    if (stopped) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`never saw ${pattern} in:\n${output()}`);
}

describe('Service: zero-config start of the built service', () => {
  it('starts on the embedded emulator with an empty environment and serves sign-up and session checks', async () => {
    const { child, output, exited } = run({ PORT: '0', HOST: '127.0.0.1' });
    try {
      const [, url] = await waitFor(output, /Listening on (http:\/\/\S+) /, exited);
      expect(output()).toMatch(
        /No DESCOPE_PROJECT_ID set: using the embedded Descope emulator at http:\/\/127\.0\.0\.1:\d+/,
      );
      const signUp = await fetch(`${url}/v1/password/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: uniqueEmail(), password: STRONG_PASSWORD }),
      });
      expect(signUp.status).toBe(201);
      const { sessionJwt } = (await signUp.json()) as { sessionJwt: string };
      const session = await fetch(`${url}/v1/session`, {
        headers: { authorization: `Bearer ${sessionJwt}` },
      });
      expect(session.status).toBe(200);
      expect((await fetch(`${url}/docs-json`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    // SIGTERM drains and closes the app (and the embedded emulator), then exits 0.
    expect(await exited).toBe(0);
    expect(output()).toMatch(/Stopped the embedded emulator/);
  });

  it('refuses to start in production without DESCOPE_PROJECT_ID, naming it', async () => {
    const { output, exited } = run({ NODE_ENV: 'production' });
    expect(await exited).toBe(1);
    expect(output()).toContain('DESCOPE_PROJECT_ID: required when NODE_ENV=production');
  });

  it('refuses bad values with one line per bad key', async () => {
    const { output, exited } = run({
      PORT: 'abc',
      TOKEN_DELIVERY: 'carrier-pigeon',
      DESCOPE_TIMEOUT_MS: '5',
    });
    expect(await exited).toBe(1);
    const lines = output()
      .split('\n')
      .filter((line) => line.startsWith('- '));
    expect(lines.map((line) => line.split(':')[0]).sort()).toEqual([
      '- DESCOPE_TIMEOUT_MS',
      '- PORT',
      '- TOKEN_DELIVERY',
    ]);
  });
});
