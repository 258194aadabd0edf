import { existsSync } from 'node:fs';
import { emulatorOptionsFromEnv } from './env-options';
import { startEmulator } from './server';

/** `npm run emulator`: the emulator alone, on EMULATOR_PORT (default 4500). */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const emulator = await startEmulator(emulatorOptionsFromEnv(process.env, 4500));
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
