export { startEmulator } from './server';
export type { RunningEmulator } from './server';
export type { EmulatorOptions } from './emulator-options';
export type { OutboxMessage } from './outbox';
export { SIGNING_ALGS } from './key-ring';
export type { SigningAlg } from './key-ring';
export { DESCOPE_ANSWERS, answerFor } from './descope-answers';
export type { DescopeAnswer, Evidence } from './descope-answers';
