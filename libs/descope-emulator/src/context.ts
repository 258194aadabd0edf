import { ResolvedEmulatorOptions } from './emulator-options';
import { FailureLimiter } from './failure-limiter';
import { KeyRing } from './key-ring';
import { Outbox } from './outbox';
import { EmulatorStore } from './store';
import { TokenIssuer } from './token-issuer';

/** The emulator's state, handed to every route handler. */
export interface EmulatorContext {
  options: ResolvedEmulatorOptions;
  keys: KeyRing;
  store: EmulatorStore;
  tokens: TokenIssuer;
  outbox: Outbox;
  signInFailures: FailureLimiter;
  /** One-time password-reset tokens: token → {userId, expiresAt (ms)}. */
  resetTokens: Map<string, { userId: string; expiresAt: number }>;
  /** Requests served, per route ("GET /v2/keys/:projectId"). */
  stats: Map<string, number>;
}

/** A fresh, empty emulator state. */
export function createContext(options: ResolvedEmulatorOptions): EmulatorContext {
  const keys = new KeyRing(options.keyGraceSeconds);
  const store = new EmulatorStore();
  return {
    options,
    keys,
    store,
    tokens: new TokenIssuer(keys, store, options),
    outbox: new Outbox(),
    signInFailures: new FailureLimiter(options.maxFailedSignIns, options.failedSignInWindowSeconds),
    resetTokens: new Map(),
    stats: new Map(),
  };
}
