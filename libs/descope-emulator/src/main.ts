import { existsSync } from 'node:fs';
import { emulatorOptionsFromEnv } from './env-options';
import { failedToStart, serve } from './serve';

/** `npm run emulator`: the emulator alone, on EMULATOR_PORT (default 4500). */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  await serve(emulatorOptionsFromEnv(process.env, 4500));
}

main().catch(failedToStart);
