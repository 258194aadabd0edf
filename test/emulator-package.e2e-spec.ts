import DescopeClient from '@descope/node-sdk';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { STRONG_PASSWORD, uniqueEmail } from './support/emulator-harness';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);
const npm = (cwd: string, args: string[]) =>
  process.env.npm_execpath
    ? run(process.execPath, [process.env.npm_execpath, ...args], { cwd })
    : run('npm', args, { cwd });

/**
 * The emulator as another team gets it: `npm run pack:emulator`, the tarball installed in an
 * empty project, started through its `bin` with a data directory; the real SDK signs up.
 */
describe('The packed emulator, started through its bin', () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill('SIGTERM'));

  it('installs, starts on a free port and serves the SDK', async () => {
    const work = mkdtempSync(join(tmpdir(), 'emulator-package-'));
    await npm(ROOT, ['run', '-s', 'pack:emulator', '--', '--pack-destination', work]);
    const [tarball] = readdirSync(work).filter((name) => name.endsWith('.tgz'));
    writeFileSync(join(work, 'package.json'), '{"name":"ci-job","private":true}');
    await npm(work, ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`]);
    const bin = join(work, 'node_modules', '.bin', 'descope-emulator');
    child = spawn(process.execPath, [bin, '--port', '0', '--data', join(work, 'data')], {
      cwd: work,
      env: { PATH: process.env.PATH },
    });
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /listening on (\S+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      child!.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const sdk = DescopeClient({ projectId: 'P2EmulatorLocalProject000000000', baseUrl });
    const signedUp = await sdk.password.signUp(uniqueEmail('packed'), STRONG_PASSWORD);
    expect([signedUp.ok, typeof signedUp.data?.sessionJwt]).toEqual([true, 'string']);
  }, 120_000);
});
