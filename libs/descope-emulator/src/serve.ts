import { EmulatorContext } from './context';
import { EmulatorOptions } from './emulator-options';
import { startEmulator } from './server';
import { importState, saveStateIn, stateFileIn } from './state-file';

/** The bin's `--import DIR` and `--export-on-exit [DIR]` (Firebase's emulator flags). */
export interface StateFlags {
  /** Load `<importDir>/emulator-state.json` at start; nothing is written there during the run. */
  importDir?: string;
  /** Write the state to `<exportDir>/emulator-state.json` when SIGINT/SIGTERM closes it. */
  exportDir?: string;
}

/**
 * `--import DIR`: a missing file is only fine when `--export-on-exit` will write it there (the
 * first run of `--import DIR --export-on-exit`); a corrupt or foreign one throws, untouched.
 */
function importFrom({ importDir, exportDir }: StateFlags, context: EmulatorContext): void {
  if (!importDir) return;
  const file = stateFileIn(importDir);
  if (importState(file, context)) return void console.log(`Imported the state in ${file}`);
  if (exportDir !== importDir) {
    throw new Error(
      `--import ${importDir}: there is no emulator-state.json to load ` +
        '(with --export-on-exit and no DIR of its own, a first run starts empty and writes it)',
    );
  }
  console.log(`No state in ${importDir} yet: starting empty, exporting there on exit`);
}

/**
 * Starts the emulator as a program (`npm run emulator`, the packed `descope-emulator` bin): one
 * line with its address once it listens; SIGINT/SIGTERM close it (saving the state with a data
 * directory, exporting it with `--export-on-exit`) and exit 0.
 */
export async function serve(options: EmulatorOptions, flags: StateFlags = {}): Promise<void> {
  const emulator = await startEmulator(options);
  try {
    // In the same tick as the listen callback: no request is served before the import.
    importFrom(flags, emulator.context);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const { baseUrl } = emulator;
  console.log(
    `Descope emulator listening on ${baseUrl} (project id ${emulator.projectId}; ` +
      `UI at ${baseUrl}/, outbox at ${baseUrl}/emulator/outbox)`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await emulator.close();
    if (!flags.exportDir) process.exit(0);
    try {
      console.log(`Exported the state to ${saveStateIn(flags.exportDir, emulator.context)}`);
      process.exit(0);
    } catch (error) {
      console.error(`Descope emulator could not export its state: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** A failed start: one line, exit 1. */
export function failedToStart(error: unknown): never {
  console.error(`Descope emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
}
