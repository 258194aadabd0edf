#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { emulatorOptionsFromEnv } from './env-options';
import { failedToStart, serve } from './serve';

const USAGE = `descope-emulator [--port 4500] [--host 127.0.0.1] [--project-id ID]
                 [--data DIR | --import DIR --export-on-exit [DIR]] [--admin-remote]
  --data DIR             load DIR/emulator-state.json at start, save it after each change and at exit
  --import DIR           load DIR/emulator-state.json at start; DIR is not written during the run
  --export-on-exit [DIR] write the state to DIR/emulator-state.json on SIGINT/SIGTERM
                         (default: the --import DIR)
  --admin-remote         let clients off this machine reach the UI (/) and /emulator/* too
  Every EMULATOR_* variable is read too (README); a flag wins over its variable.`;

/** `--export-on-exit` takes an optional DIR: alone (last, or before another flag) it is given ''. */
function withOptionalValues(args: string[]): string[] {
  return args.map((arg, i) =>
    arg === '--export-on-exit' && (i + 1 === args.length || args[i + 1].startsWith('-'))
      ? '--export-on-exit='
      : arg,
  );
}

/** `descope-emulator`: the emulator alone, from the packed library (npx, a CI step, a container). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: withOptionalValues(process.argv.slice(2)),
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      import: { type: 'string' },
      'export-on-exit': { type: 'string' },
      'admin-remote': { type: 'boolean' },
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
  const dataDir = values.data ?? options.dataDir;
  const importDir = values.import || undefined;
  const exportDir = values['export-on-exit'] === '' ? importDir : values['export-on-exit'];
  if (values['export-on-exit'] === '' && !importDir) {
    throw new Error(`--export-on-exit needs a DIR when there is no --import DIR\n${USAGE}`);
  }
  if (dataDir && (importDir || exportDir)) {
    throw new Error(
      '--data (or EMULATOR_DATA_DIR) already loads and saves its DIR: ' +
        'give it or --import/--export-on-exit, not both',
    );
  }
  await serve(
    {
      ...options,
      port: port ?? options.port,
      host: values.host ?? options.host,
      dataDir,
      projectId: values['project-id'] ?? options.projectId,
      adminRemote: values['admin-remote'] || options.adminRemote,
    },
    { importDir, exportDir },
  );
}

main().catch(failedToStart);
