#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { emulatorOptionsFromEnv } from './env-options';
import { failedToStart, serve } from './serve';

const USAGE = `descope-emulator [--port 4500] [--host 127.0.0.1] [--data DIR] [--project-id ID]
  Every EMULATOR_* variable is read too (README); a flag wins over its variable.`;

/** `descope-emulator`: the emulator alone, from the packed library (npx, a CI step, a container). */
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
  await serve({
    ...options,
    port: port ?? options.port,
    host: values.host ?? options.host,
    dataDir: values.data ?? options.dataDir,
    projectId: values['project-id'] ?? options.projectId,
  });
}

main().catch(failedToStart);
