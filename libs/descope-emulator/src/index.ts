export { startEmulator } from './server';
export type { RunningEmulator } from './server';
export type { EmulatorOptions, PasswordPolicy } from './emulator-options';
export type { OutboxMessage } from './outbox';
export { emulatorOptionsFromEnv } from './env-options';
