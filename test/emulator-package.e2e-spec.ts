import DescopeClient from '@descope/node-sdk';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

const ROOT = join(__dirname, '..');
const PROJECT_ID = 'P2EmulatorLocalProject000000000';
const run = promisify(execFile);
const npm = (cwd: string, args: string[]) =>
  process.env.npm_execpath
    ? run(process.execPath, [process.env.npm_execpath, ...args], { cwd })
    : run('npm', args, { cwd });

/**
 * The emulator as another team gets it: `npm run pack:emulator`, the tarball installed in an
 * empty project, started through its `bin` (with a data directory, or Firebase-style
 * `--import`/`--export-on-exit`); the real SDK signs up and in.
 */
describe('The packed emulator, started through its bin', () => {
  let work: string;
  let bin: string;
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'emulator-package-'));
    await npm(ROOT, ['run', '-s', 'pack:emulator', '--', '--pack-destination', work]);
    const [tarball] = readdirSync(work).filter((name) => name.endsWith('.tgz'));
    writeFileSync(join(work, 'package.json'), '{"name":"ci-job","private":true}');
    await npm(work, ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`]);
    bin = join(work, 'node_modules', '.bin', 'descope-emulator');
  }, 120_000);

  /** Runs the bin; `listening` is its base URL once it says so, `exit` its code and output. */
  function start(...args: string[]) {
    const child = spawn(process.execPath, [bin, '--port', '0', ...args], {
      cwd: work,
      env: { PATH: process.env.PATH },
    });
    children.push(child);
    let [out, err] = ['', ''];
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exit = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, out, err })),
    );
    const listening = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /listening on (\S+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      void exit.then(({ code }) => reject(new Error(`exited with ${code}: ${out}${err}`)));
    });
    listening.catch(() => undefined); // a start meant to fail is awaited through `exit`
    return { child, listening, exit };
  }
  const sdkAt = (baseUrl: string) => DescopeClient({ projectId: PROJECT_ID, baseUrl });

  it('installs, starts on a free port and serves the SDK', async () => {
    const { listening } = start('--data', join(work, 'data'));
    const signedUp = await sdkAt(await listening).password.signUp(
      uniqueEmail('packed'),
      STRONG_PASSWORD,
    );
    expect([signedUp.ok, typeof signedUp.data?.sessionJwt]).toEqual([true, 'string']);
  });

  it('exports the state on SIGTERM with --export-on-exit; --import loads it and leaves it as it is', async () => {
    const dir = join(work, 'exported');
    const file = join(dir, 'emulator-state.json');
    const loginId = uniqueEmail('exported');
    const first = start('--export-on-exit', dir);
    expect((await sdkAt(await first.listening).password.signUp(loginId, STRONG_PASSWORD)).ok).toBe(
      true,
    );
    expect(existsSync(file)).toBe(false);
    first.child.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);
    const exported = readFileSync(file, 'utf8');

    const second = start('--import', dir);
    const signedIn = await sdkAt(await second.listening).password.signIn(loginId, STRONG_PASSWORD);
    expect(signedIn.ok).toBe(true);
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(exported);
  });

  it('refuses a truncated --import file with one line and leaves the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-import-bad-'));
    const file = join(dir, 'emulator-state.json');
    const truncated = readFileSync(join(work, 'exported', 'emulator-state.json')).subarray(0, 200);
    writeFileSync(file, truncated);
    const { code, err } = await start('--import', dir, '--export-on-exit').exit;
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/not valid JSON/)]);
    expect(readFileSync(file).equals(truncated)).toBe(true);
  });
});
