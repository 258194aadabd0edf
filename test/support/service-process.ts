import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built service (`dist/src/main.js`, as `npm start` runs it) in a child process. */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** The management port (/metrics, detailed /health). */
  managementUrl: string;
  /** Every JSON line it logged so far. */
  lines: Record<string, any>[];
  exited: Promise<number | null>;
}

const ROOT = join(__dirname, '..', '..');

/** Starts the service with `env` on an ephemeral port; resolves once it listens. */
export function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      MANAGEMENT_PORT: '0',
      EMULATOR_PORT: '0',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, any>[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    let buffered = '';
    let managementUrl = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      for (const text of complete.filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, any>;
        lines.push(line);
        managementUrl = /^Management port on (\S+)/.exec(String(line.msg))?.[1] ?? managementUrl;
        const listening = /^Listening on (\S+)/.exec(String(line.msg));
        if (listening) resolve({ child, url: listening[1], managementUrl, lines, exited });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => lines.push({ stderr: chunk.toString() }));
    void exited.then((code) => reject(new Error(`exited with ${code}: ${JSON.stringify(lines)}`)));
  });
}
