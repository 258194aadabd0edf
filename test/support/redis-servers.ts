import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/*
 * Real Redis servers for tests (standalone, or a 3-master cluster), each on free ports in a
 * temporary directory, so a test can kill and restart the Redis it counts in without touching
 * the one on 127.0.0.1:6379 that other tests share. Readiness is polled, never slept for.
 */

const run = promisify(execFile);
const alive = new Set<ChildProcess>();
process.on('exit', () => alive.forEach((child) => child.kill('SIGKILL')));

/** A standalone Redis: `url` for REDIS_URL. */
export interface RunningRedis {
  url: string;
  port: number;
  /** Stops the server (an outage); `restart` brings it back, empty, on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it for good and removes its directory. */
  close(): Promise<void>;
}

/** A Redis Cluster: `nodes` for REDIS_CLUSTER_NODES. */
export interface RunningCluster {
  nodes: string;
  ports: number[];
  /** Stops every node; `restart` brings them back with their slots (from their nodes.conf). */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A port the system just handed out, free together with its cluster bus port (+10000). */
async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    if (port + 10000 <= 65535 && (await portFree(port + 10000))) return port;
  }
}

/** Runs `redis-cli` against a server (with its password, if it has one); answers its output. */
export const redisCli = async (port: number, args: string[], password?: string) => {
  const auth = password ? ['-a', password, '--no-auth-warning'] : [];
  const options = { timeout: 5000 };
  return (
    await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...auth, ...args], options)
  ).stdout;
};

/** Polls `check` every 25 ms until it holds (10 s at most). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts `redis-server` on `port`; resolves once it answers PING. */
async function serve(
  port: number,
  dir: string,
  extra: string[] = [],
  password?: string,
): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
  if (password) args.push('--requirepass', password);
  const child = spawn('redis-server', [...args, '--save', '', '--appendonly', 'no', ...extra], {
    stdio: 'ignore',
  });
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  await until(`redis-server on ${port}`, async () => {
    if (child.exitCode !== null) throw new Error(`redis-server on ${port} exited`);
    return (await redisCli(port, ['ping'], password)).trim() === 'PONG';
  });
  return child;
}

/** Stops a server and waits until it is gone. */
async function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** A standalone Redis on a free port; with `password`, it requires it (and `url` holds it). */
export async function startRedis(password?: string): Promise<RunningRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-'));
  const port = await freePort();
  let child = await serve(port, dir, [], password);
  const stop = () => halt(child);
  return {
    url: `redis://${password ? `:${encodeURIComponent(password)}@` : ''}127.0.0.1:${port}`,
    port,
    stop,
    restart: async () => {
      await stop();
      child = await serve(port, dir, [], password);
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cluster of `masters` masters (no replicas), once every node says `cluster_state:ok`. */
export async function startRedisCluster(masters = 3): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const ports: number[] = [];
  for (let i = 0; i < masters; i += 1) ports.push(await freePort());
  const node = (port: number) =>
    serve(port, dir, [
      ...['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`)],
      ...['--cluster-node-timeout', '2000'],
    ]);
  let children = await Promise.all(ports.map(node));
  const addresses = ports.map((port) => `127.0.0.1:${port}`);
  await run(
    'redis-cli',
    ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'],
    {
      timeout: 20_000,
    },
  );
  const ready = () =>
    until('cluster_state:ok', async () => {
      const infos = await Promise.all(ports.map((port) => redisCli(port, ['cluster', 'info'])));
      return infos.every((info) => info.includes('cluster_state:ok'));
    });
  await ready();
  const stop = async () => void (await Promise.all(children.map(halt)));
  return {
    nodes: addresses.join(','),
    ports,
    stop,
    restart: async () => {
      await stop();
      children = await Promise.all(ports.map(node));
      await ready();
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
