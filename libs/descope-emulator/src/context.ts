import { ResolvedEmulatorOptions } from './emulator-options';
import { EventWindow } from './event-window';
import { Faults } from './faults';
import { KeyRing } from './key-ring';
import { OtpCodes } from './otp-codes';
import { Outbox } from './outbox';
import { EmulatorStore } from './store';
import { EmulatorUser } from './store-records';
import { Raised } from './login-options';
import { PendingTotpSignUps } from './pending-totp';
import { RefreshTokens } from './refresh-tokens';
import { TokenIssuer } from './token-issuer';

/** What verifying a one-time code does. */
export type OtpIntent =
  | {
      kind: 'signup';
      loginId: string;
      fields: Partial<EmulatorUser>;
      customClaims?: Record<string, unknown>;
    }
  | {
      kind: 'signin';
      userId: string;
      raised?: Raised;
      customClaims?: Record<string, unknown>;
    }
  | {
      kind: 'update';
      userId: string;
      field: 'email' | 'phone';
      value: string;
      addToLoginIds: boolean;
      onMergeUseExisting: boolean;
    };

/** The emulator's state, handed to every route handler. */
export interface EmulatorContext {
  options: ResolvedEmulatorOptions;
  keys: KeyRing;
  store: EmulatorStore;
  tokens: TokenIssuer;
  /** Live refresh tokens, and whose each is. */
  refreshTokens: RefreshTokens;
  outbox: Outbox;
  /** Failed password sign-ins per login id, for the optional lock-out. */
  signInFailures: EventWindow;
  /** Requests per client IP, for the optional rate limit. */
  requestsPerIp: EventWindow;
  /** Pending one-time codes, with what verifying each will do. */
  otpCodes: OtpCodes<OtpIntent>;
  /** TOTP sign-ups waiting for their first code: the user exists only after it. */
  pendingTotp: PendingTotpSignUps;
  /** One-time password-reset tokens: token → {userId, expiresAt (ms)}. */
  resetTokens: Map<string, { userId: string; expiresAt: number }>;
  /** Requests served, per route ("GET /v2/keys/:projectId"). */
  stats: Map<string, number>;
  /** Faults injected through the admin routes or the UI. */
  faults: Faults;
}

/** A fresh, empty emulator state. */
export function createContext(options: ResolvedEmulatorOptions): EmulatorContext {
  const keys = new KeyRing(options.keyGraceSeconds, options.signingAlg);
  const store = new EmulatorStore();
  // `iss` of every token: the project id, or Descope's URL form when `issuerUrl` is set.
  const issuer = options.issuerUrl
    ? `https://api.descope.com/${options.projectId}`
    : options.projectId;
  const refreshTokens = new RefreshTokens(keys, store, issuer, options.refreshReuse);
  return {
    options,
    keys,
    store,
    tokens: new TokenIssuer(keys, store, refreshTokens, options, issuer, options.projectId),
    refreshTokens,
    outbox: new Outbox(),
    signInFailures: new EventWindow(options.lockoutAttempts, options.lockoutWindowSeconds),
    requestsPerIp: new EventWindow(options.ipRateLimit, 60),
    otpCodes: new OtpCodes<OtpIntent>(options.otpTtlSeconds, options.maxWrongCodes),
    pendingTotp: new PendingTotpSignUps(options.otpTtlSeconds),
    resetTokens: new Map(),
    stats: new Map(),
    faults: new Faults(),
  };
}
