import { EmulatorOptions, RunningEmulator, startEmulator } from '@app/descope-emulator';
import { Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { embeddedEmulatorOptions } from './embedded-emulator';
import { EnvironmentVariables } from './env.validation';

/** Where the SDK and the key store point: a real Descope project, or the embedded emulator. */
export interface DescopeTarget {
  projectId: string;
  /** API origin; Descope's default for the project id when left out. */
  baseUrl?: string;
  managementKey?: string;
  /** The embedded emulator, when it is the target; stopped when the app closes. */
  emulator?: RunningEmulator;
}

/**
 * The configured Descope project, or, with no `DESCOPE_PROJECT_ID` (validation refuses that in
 * production), an emulator started in-process for this app.
 */
export async function resolveDescopeTarget(config: EnvironmentVariables): Promise<DescopeTarget> {
  const { DESCOPE_PROJECT_ID: projectId } = config;
  if (projectId) {
    const { DESCOPE_BASE_URL: baseUrl, DESCOPE_MANAGEMENT_KEY: managementKey } = config;
    return { projectId, baseUrl, managementKey };
  }
  const emulator = await startEmbedded(embeddedEmulatorOptions(config), config.EMULATOR_PORT);
  new Logger('Bootstrap').log(
    `No DESCOPE_PROJECT_ID set: using the embedded Descope emulator at ${emulator.baseUrl} ` +
      `(project ${emulator.projectId}). Its UI, with the codes and reset links it sends, users, ` +
      `sessions, keys and faults: ${emulator.baseUrl}/`,
  );
  // The embedded emulator takes any non-empty key unless EMULATOR_MANAGEMENT_KEY is set: the
  // management calls the service makes (merge checks, reuse logouts) work with no setup.
  const managementKey = config.EMULATOR_MANAGEMENT_KEY ?? 'embedded-emulator';
  return { projectId: emulator.projectId, baseUrl: emulator.baseUrl, managementKey, emulator };
}

/** Where the embedded emulator (and its UI) listens unless EMULATOR_PORT says otherwise. */
export const PREFERRED_EMULATOR_PORT = 4500;

/**
 * The embedded emulator on EMULATOR_PORT when set; else on 4500, so the UI's address survives a
 * restart, or on any free port when 4500 is taken (a second instance, `npm run emulator`).
 */
async function startEmbedded(options: EmulatorOptions, port?: number): Promise<RunningEmulator> {
  if (port !== undefined) return startEmulator(options);
  try {
    return await startEmulator({ ...options, port: PREFERRED_EMULATOR_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startEmulator({ ...options, port: 0 });
  }
}

/** Stops the embedded emulator (if any) when the app closes. */
class EmbeddedEmulatorShutdown implements OnApplicationShutdown {
  constructor(private readonly emulator?: RunningEmulator) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.emulator) return;
    await this.emulator.close();
    new Logger('Bootstrap').log('Stopped the embedded emulator');
  }
}

/** The provider that ties the embedded emulator's life to the app's. */
export const embeddedEmulatorShutdown = (target: DescopeTarget): Provider => ({
  provide: EmbeddedEmulatorShutdown,
  useValue: new EmbeddedEmulatorShutdown(target.emulator),
});
