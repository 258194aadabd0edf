import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorContext } from './context';
import { SavedKey } from './key-ring';
import { LiveRefreshToken } from './refresh-tokens';
import { MAX_DEPTH, nestedDeeperThan } from './json-body';
import { badRecord } from './saved-records';
import { EmulatorStore } from './store';

const FORMAT = 'descope-emulator-state';
const VERSION = 1;

/** What a saved state holds: enough for a developer's users and tokens to outlive a restart. */
export interface EmulatorState extends ReturnType<EmulatorStore['snapshot']> {
  format: typeof FORMAT;
  version: typeof VERSION;
  projectId: string;
  signingAlg: string;
  savedAt: string;
  keys: SavedKey[];
  refreshTokens: LiveRefreshToken[];
}

/** The state file in a data directory. */
export const stateFileIn = (dataDir: string) => join(dataDir, 'emulator-state.json');

/** A refused state file: one line naming the file and why; the file is left as it was. */
export class StateFileError extends Error {
  constructor(file: string, why: string) {
    super(`${file} was not loaded (${why}); it is left as it is: move it away to start empty`);
  }
}

/** The state to save: users (with TOTP seeds and password hashes), roles, tenants, keys, tokens. */
export function exportState(context: EmulatorContext): EmulatorState {
  return {
    format: FORMAT,
    version: VERSION,
    projectId: context.options.projectId,
    signingAlg: context.keys.alg,
    savedAt: new Date().toISOString(),
    ...context.store.snapshot(),
    keys: context.keys.exportKeys(),
    refreshTokens: context.refreshTokens.exportLive(),
  };
}

/** Checks a parsed file is a state of this project and algorithm; answers it, or why not. */
function checked(value: unknown, context: EmulatorContext): EmulatorState | string {
  const state = value as Partial<EmulatorState> | null;
  if (typeof state !== 'object' || state === null || state.format !== FORMAT) {
    return 'not a Descope emulator state file';
  }
  if (state.version !== VERSION) return `version ${String(state.version)}, not ${VERSION}`;
  if (state.projectId !== context.options.projectId) return 'saved for another project id';
  if (state.signingAlg !== context.keys.alg) return `keys for ${String(state.signingAlg)}`;
  const lists = [state.users, state.roles, state.tenants, state.keys, state.refreshTokens];
  if (!lists.every(Array.isArray)) return 'a part of it is missing or not a list';
  if (nestedDeeperThan(state, MAX_DEPTH)) return `nested deeper than ${MAX_DEPTH} levels`;
  return badRecord(state as EmulatorState) ?? (state as EmulatorState);
}

/**
 * Replaces the context's state with `value` (a parsed state), or answers why it cannot: keys
 * first, so nothing changes when one is unusable.
 */
export function applyState(value: unknown, context: EmulatorContext): string | undefined {
  const state = checked(value, context);
  if (typeof state === 'string') return state;
  try {
    context.keys.importKeys(state.keys);
  } catch (error) {
    return `a signing key is unusable: ${(error as Error).message}`;
  }
  context.store.restore(state);
  context.refreshTokens.importLive(state.refreshTokens);
  return undefined;
}

/** Loads `file` into a fresh context; a corrupt or foreign file throws StateFileError. */
export function importState(file: string, context: EmulatorContext): boolean {
  if (!existsSync(file)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new StateFileError(file, 'not valid JSON: truncated or altered?');
  }
  const refused = applyState(parsed, context);
  if (refused) throw new StateFileError(file, refused);
  return true;
}

/** Writes the state atomically: a temporary file beside it, then a rename over the old one. */
export function saveState(file: string, context: EmulatorContext): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(exportState(context))}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** Saves the state into `dir` (made if missing) as `emulator-state.json`; answers the file. */
export function saveStateIn(dir: string, context: EmulatorContext): string {
  mkdirSync(dir, { recursive: true });
  const file = stateFileIn(dir);
  saveState(file, context);
  return file;
}
