import { EmulatorOptions } from './emulator-options';
import { startEmulator } from './server';

/**
 * Starts the emulator as a program (`npm run emulator`, the packed `descope-emulator` bin): one
 * line with its address once it listens; SIGINT/SIGTERM close it (saving the state with a data
 * directory) and exit 0.
 */
export async function serve(options: EmulatorOptions): Promise<void> {
  const emulator = await startEmulator(options);
  console.log(
    `Descope emulator listening on ${emulator.baseUrl} (project id ${emulator.projectId}; ` +
      `outbox at ${emulator.baseUrl}/emulator/outbox)`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A failed start: one line, exit 1. */
export function failedToStart(error: unknown): never {
  console.error(`Descope emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
}
