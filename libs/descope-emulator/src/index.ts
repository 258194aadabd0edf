export { startEmulator } from './server';
export type { RunningEmulator } from './server';
export { DEFAULT_PROJECT_ID, resolveOptions } from './emulator-options';
export type { EmulatorOptions, PasswordPolicy } from './emulator-options';
export type { OutboxMessage } from './outbox';
export { DescopeApiError, EmulatorErrors } from './errors';
export { emulatorOptionsFromEnv } from './env-options';
