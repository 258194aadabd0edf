// Child processes of the bench: started pinned to a core where taskset exists, awaited until
// they answer, sampled for RSS, and stopped.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Pins this process (the load generator) to `core`, when taskset exists. */
export function pinSelf(core) {
  if (hasTaskset)
    execFileSync('taskset', ['-cp', String(core), String(process.pid)], { stdio: 'ignore' });
  return hasTaskset;
}

/** A free TCP port on 127.0.0.1 (free a moment ago: the OS does not reuse it at once). */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <nodeFlags> <script>` (`node`: this process's Node unless given) on `core` with `env` and PORT set, its output discarded (as a collector
 * would take it), and resolves `{ child, url, pid, readyMs }` once `readyPath` answers
 * `readyStatus`.
 */
export async function start(
  script,
  { core, env = {}, readyPath = '/', readyStatus = 200, nodeFlags = [], node: binary },
) {
  const port = await freePort();
  const nodePath = binary ?? process.execPath;
  const command = hasTaskset ? 'taskset' : nodePath;
  const node = [nodePath, ...nodeFlags, script];
  const argv = hasTaskset ? ['-c', String(core), ...node] : node.slice(1);
  const started = performance.now();
  const child = spawn(command, argv, {
    // The management port on a free one too: several services may run at once.
    env: {
      PATH: process.env.PATH,
      NO_COLOR: '1',
      HOST: '127.0.0.1',
      MANAGEMENT_PORT: '0',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  while (child.exitCode === null) {
    const status = await fetch(`${url}${readyPath}`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === readyStatus)
      return { child, url, pid: child.pid, readyMs: Math.round(performance.now() - started) };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${script} exited with ${child.exitCode} before it was ready`);
}

/**
 * The Node flags of `npm run start:prod` (`node <flags> dist/src/main.js`), so the bench runs the
 * service as production starts it.
 */
export function productionNodeFlags(root) {
  const command = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).scripts['start:prod'];
  const words = command.split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/src/main.js')
    throw new Error(`start:prod is not \`node [flags] dist/src/main.js\`: ${command}`);
  return words.slice(1, -1);
}

/** Resident memory of a process, MB (Linux), or undefined. */
export function rssMb(pid) {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples RSS every 200 ms until `stop()`; answers the peak. */
export function sampleRss(pid) {
  let peak = rssMb(pid) ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), 200);
  return () => (clearInterval(timer), peak);
}

/** Stops a child with SIGTERM and waits for it to exit. */
export function stop({ child }) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
}
