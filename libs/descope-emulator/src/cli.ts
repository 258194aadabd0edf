#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { emulatorOptionsFromEnv } from './env-options';
import { startEmulator } from './server';

const USAGE = `descope-emulator [--port 4500] [--host 127.0.0.1] [--data DIR] [--project-id ID]
  Every EMULATOR_* variable is read too (README); a flag wins over its variable.`;

/**
 * `descope-emulator`: the emulator alone, from the packed library (npx, a CI step, a container).
 * Prints one line with its address once it listens; SIGINT/SIGTERM save the state (with --data)
 * and exit 0.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'project-id': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`--port must be a port number\n${USAGE}`);
  }
  const options = emulatorOptionsFromEnv(process.env, 4500);
  const emulator = await startEmulator({
    ...options,
    port: port ?? options.port,
    host: values.host ?? options.host,
    dataDir: values.data ?? options.dataDir,
    projectId: values['project-id'] ?? options.projectId,
  });
  console.log(
    `Descope emulator listening on ${emulator.baseUrl} (project id ${emulator.projectId}; ` +
      `outbox at ${emulator.baseUrl}/emulator/outbox)`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Descope emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
});
