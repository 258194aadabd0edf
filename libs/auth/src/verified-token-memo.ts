import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AUTH_DEFAULTS, AuthModuleOptions } from './auth-module-options';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';
import { JwksKeyStore } from './jwks-key-store';
import { MemoDoorkeeper } from './memo-doorkeeper';
import { TokenKind, VerifiedToken } from './verified-token';

interface Entry {
  token: VerifiedToken;
  kid: string;
}

/**
 * Tokens already verified, so a token seen again costs a map lookup instead of a signature check.
 * Keyed by the whole token string (never a hash: a collision would serve another user's
 * session) and served only for the kind it was verified as. A token is never both a session and
 * a refresh token, so the kind lives in the entry and the key is the token string itself, not a
 * `kind:token` copy (about 7 MB less per 10,000 entries, no concatenation per lookup). Kept until
 * the token's `exp`, never longer, at most `memoMaxEntries` (least recently used go first), and
 * only from its second successful check (`MemoDoorkeeper`: a token shown once takes no entry). An
 * entry whose key has left the key set is never served. Only successes are stored. Callers must
 * not mutate what `get` returns.
 */
@Injectable()
export class VerifiedTokenMemo {
  private readonly cache?: LRUCache<string, Entry>;

  private readonly doorkeeper?: MemoDoorkeeper;

  constructor(
    private readonly keys: JwksKeyStore,
    @Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions,
  ) {
    const max = options.memoMaxEntries ?? AUTH_DEFAULTS.memoMaxEntries;
    if (max > 0) {
      this.cache = new LRUCache({ max, ttlAutopurge: false });
      // At least twice as many slots as entries (2^16 for the default 10,000).
      this.doorkeeper = new MemoDoorkeeper(Math.max(16, Math.ceil(Math.log2(max)) + 1));
    }
    keys.onKeysDropped((kids) => this.drop(kids));
  }

  /** The verified token, if this exact token was verified as `kind` and still holds. */
  get(jwt: string, kind: TokenKind): VerifiedToken | undefined {
    if (!this.cache) return undefined;
    const found = this.cache.get(jwt);
    const entry = found?.token.kind === kind ? found : undefined;
    // The cache's own TTL runs on a monotonic clock; `exp` is checked against the wall clock too.
    const hit =
      entry !== undefined && entry.token.claims.exp * 1000 > Date.now() && this.keys.has(entry.kid);
    this.options.onMemo?.(hit ? 'hit' : 'miss');
    return hit ? entry.token : undefined;
  }

  /** Remembers a token verified for the second time (or more) until its `exp`. */
  set(token: VerifiedToken, kid: string): void {
    const ttl = token.claims.exp * 1000 - Date.now();
    if (!this.cache || ttl <= 0 || !this.doorkeeper?.admit(token.jwt)) return;
    this.cache.set(token.jwt, { token, kid }, { ttl });
  }

  /** How many tokens are remembered. */
  get size(): number {
    return this.cache?.size ?? 0;
  }

  private drop(kids: ReadonlySet<string>): void {
    this.cache?.forEach((entry, key) => {
      if (kids.has(entry.kid)) this.cache?.delete(key);
    });
  }
}
