import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'auth-consumer');
const run = promisify(execFile);

/** A script run by this process's Node (the project's Node 24); its stdout. */
async function node(cwd: string, args: string[]): Promise<string> {
  const options = { cwd, maxBuffer: 16 * 1024 * 1024 };
  const { stdout } = await run(process.execPath, args, options).catch((error: Error) => {
    const { stdout: out = '', stderr = '' } = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${args.join(' ')} failed in ${cwd}:\n${out}\n${stderr}`);
  });
  return stdout;
}

/** npm: the one that started jest (`npm run`), else the one on PATH. */
const npm = (cwd: string, args: string[]) => {
  const cli = process.env.npm_execpath;
  if (cli) return node(cwd, [cli, ...args]);
  return run('npm', args, { cwd }).then(({ stdout }) => stdout);
};

/**
 * `npm run pack:auth` and `npm run pack:client` into `work`, then a copy of the consumer fixture
 * with both tarballs installed next to the fixture's own dependencies (one npm install, from npm's
 * cache when it can) and compiled with its own TypeScript against the packages' declarations.
 * Returns its directory.
 */
export async function installConsumer(work: string): Promise<string> {
  const tarballs: string[] = [];
  for (const script of ['pack:auth', 'pack:client']) {
    const before = new Set(readdirSync(work));
    await npm(ROOT, ['run', '-s', script, '--', '--pack-destination', work]);
    const made = readdirSync(work).filter((name) => name.endsWith('.tgz') && !before.has(name));
    if (made.length !== 1)
      throw new Error(`${script}: expected one tarball, got ${made.join(', ')}`);
    tarballs.push(join(work, made[0]));
  }
  const dir = join(work, 'consumer');
  cpSync(FIXTURE, dir, {
    recursive: true,
    filter: (path) => !/[/\\](node_modules|dist)$/.test(path),
  });
  const flags = ['--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'];
  await npm(dir, ['install', ...tarballs, ...flags, '--no-package-lock']);
  await node(dir, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
  return dir;
}

/** Every installed copy of package `name` under `dir`'s node_modules, nested ones included. */
export function copiesOf(dir: string, name: string): string[] {
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(modules)) {
    const packages = entry.startsWith('@')
      ? readdirSync(join(modules, entry)).map((inner) => join(modules, entry, inner))
      : [join(modules, entry)];
    for (const path of packages) {
      const manifest = join(path, 'package.json');
      if (!existsSync(manifest)) continue;
      if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) {
        found.push(path);
      }
      found.push(...copiesOf(path, name));
    }
  }
  return found;
}

/** The consumer's compiled app in a child process. */
export interface ConsumerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `dir/dist/main.js` on an ephemeral port; resolves once it says where it listens, and
 * rejects (the process killed) if it exits or has not said so within `startupMs`.
 */
export function startConsumer(
  dir: string,
  env: Record<string, string>,
  startupMs = 30_000,
): Promise<ConsumerProcess> {
  const child = spawn(process.execPath, [join(dir, 'dist', 'main.js')], {
    cwd: dir,
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`the consumer ${why}:\n${output}`));
    const timer = setTimeout(() => void stop().then(() => fail('did not start')), startupMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\S+)/.exec(output);
      if (!listening) return;
      clearTimeout(timer);
      resolve({ url: listening[1], stop });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(`exited with ${code}`);
    });
  });
}
