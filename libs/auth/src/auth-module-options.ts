import type { RevocationRedis } from './revocation-redis';
import type { VerifiedToken } from './verified-token';

/** Where the signing keys come from and how tokens are checked. */
export interface AuthModuleOptions {
  /** Every token's `iss` must be this id, or `<origin>/<projectId>` on a Descope API origin. */
  projectId: string;
  /** Descope API origin; keys come from `<baseUrl>/v2/keys/<projectId>`. */
  baseUrl: string;
  /** Background key refresh, ms (default 5 minutes; Descope limits requests per client IP). */
  jwksRefreshIntervalMs?: number;
  /** At most one key fetch per this many ms because of an unknown `kid` (default 5 s). */
  unknownKidCooldownMs?: number;
  /** Timeout of one key fetch, ms (default 3 s). */
  jwksTimeoutMs?: number;
  /** Tolerance on `exp` and `nbf`, seconds (default 5). */
  clockToleranceSeconds?: number;
  /**
   * Origins (`https://app.example.com`) that may send state-changing requests authenticated by
   * the `DS`/`DSR` cookie: the service's own and its frontends'. Default none: browsers may then
   * use cookies only for reads, or with a bearer token.
   */
  trustedOrigins?: string[];
  /** Verified tokens remembered until their `exp` (default 10,000; 0: every request verifies). */
  memoMaxEntries?: number;
  /** Called on every memo lookup (for metrics); must not throw. */
  onMemo?: (result: 'hit' | 'miss') => void;
  /**
   * Revocation in front of the memo: a token this answers `true` for is refused as revoked, even
   * when it was verified before (e.g. a session logged out elsewhere). Default: nothing revoked.
   */
  isRevoked?: (token: VerifiedToken) => boolean | Promise<boolean>;
  /**
   * Revocations shared through Redis (logout, logout-all, password reset... made by the auth
   * service on any instance): `connect` opens a new connection (called twice: a subscriber and a
   * reader), e.g. `() => new Redis(url)`; `prefix` must be the auth service's REDIS_KEY_PREFIX
   * (default `auth-service`). Default: only revocations made in this process are known.
   */
  revocationFeed?: { connect: () => RevocationRedis; prefix?: string };
  /** Called after every key-set fetch (for metrics); must not throw. */
  onKeyFetch?: (outcome: KeyFetchOutcome) => void;
}

/** How a key-set fetch ended: new keys, `304 Not Modified`, or a failure (old keys kept). */
export type KeyFetchOutcome = 'updated' | 'unchanged' | 'failed';

export const AUTH_DEFAULTS = {
  jwksRefreshIntervalMs: 5 * 60 * 1000,
  unknownKidCooldownMs: 5 * 1000,
  jwksTimeoutMs: 3000,
  clockToleranceSeconds: 5,
  memoMaxEntries: 10_000,
  /** First load: retried after 0.5 s, doubling up to 5 s, until a key set arrives. */
  firstLoadRetryMs: { from: 500, to: 5000 },
} as const;
