import { Logger } from '@nestjs/common';
import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { EnvironmentVariables } from './env.validation';

/**
 * With no `DESCOPE_PROJECT_ID` (and not in production: validation refuses that), starts the
 * Descope emulator in-process and points the configuration at it. Returns the emulator so the
 * app can stop it on shutdown; `undefined` when a real project is configured.
 */
export async function startEmbeddedEmulatorIfNeeded(
  config: EnvironmentVariables,
): Promise<RunningEmulator | undefined> {
  if (config.DESCOPE_PROJECT_ID) return undefined;
  const emulator = await startEmulator({
    port: config.EMULATOR_PORT ?? 0,
    host: config.EMULATOR_HOST ?? '127.0.0.1',
    projectId: config.EMULATOR_PROJECT_ID,
  });
  config.DESCOPE_PROJECT_ID = emulator.projectId;
  config.DESCOPE_BASE_URL = emulator.baseUrl;
  config.DESCOPE_MANAGEMENT_KEY = undefined;
  new Logger('Bootstrap').log(
    `No DESCOPE_PROJECT_ID set: using the embedded Descope emulator at ${emulator.baseUrl} ` +
      `(project ${emulator.projectId}); codes and reset links go to ${emulator.baseUrl}/emulator/outbox`,
  );
  return emulator;
}
