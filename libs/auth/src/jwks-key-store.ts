import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { AUTH_DEFAULTS, AuthModuleOptions } from './auth-module-options';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';

/** Imports the usable keys of a JWKS: RSA, at least 2048 bits, with a `kid`. */
function importKeys(body: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const list = (body as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new Error('the key set has no "keys" array');
  for (const jwk of list as (JsonWebKey & { kid?: unknown })[]) {
    if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string' || !jwk.kid) continue;
    try {
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) keys.set(jwk.kid, key);
    } catch {
      // One key that does not import must not take the others down with it.
    }
  }
  return keys;
}

/**
 * Descope's signing keys, cached by `kid`. Refreshed in the background and on an unknown `kid`
 * (at most once per cooldown, one fetch shared by all waiting requests). A failed refresh keeps
 * the last good keys; a successful one replaces them, so keys Descope drops stop being trusted.
 */
@Injectable()
export class JwksKeyStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(JwksKeyStore.name);
  private readonly url: string;
  private keys = new Map<string, KeyObject>();
  private inflight?: Promise<void>;
  private lastUnknownKidFetch = -Infinity;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/v2/keys/${encodeURIComponent(options.projectId)}`;
  }

  onModuleInit(): void {
    void this.refresh();
    const every = this.options.jwksRefreshIntervalMs ?? AUTH_DEFAULTS.jwksRefreshIntervalMs;
    this.timer = setInterval(() => void this.refresh(), every).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** True once a key set has been loaded. */
  get ready(): boolean {
    return this.keys.size > 0;
  }

  /**
   * The key for a `kid`, fetching the key set when the kid is new and the cooldown allows.
   * `trusted`: the token came straight from Descope (not from a caller), so a new kid means a
   * rotation and is fetched even within the cooldown that callers' unknown kids may have used up.
   */
  async getKey(kid: string, { trusted = false } = {}): Promise<KeyObject | undefined> {
    const known = this.keys.get(kid);
    if (known) return known;
    if (this.inflight) {
      await this.inflight;
      return this.keys.get(kid);
    }
    const cooldown = this.options.unknownKidCooldownMs ?? AUTH_DEFAULTS.unknownKidCooldownMs;
    if (!trusted && Date.now() - this.lastUnknownKidFetch < cooldown) return undefined;
    this.lastUnknownKidFetch = Date.now();
    await this.refresh();
    return this.keys.get(kid);
  }

  /** Fetches the key set now; concurrent callers share one request. Never throws. */
  refresh(): Promise<void> {
    this.inflight ??= this.fetchKeys().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async fetchKeys(): Promise<void> {
    const timeout = this.options.jwksTimeoutMs ?? AUTH_DEFAULTS.jwksTimeoutMs;
    try {
      const response = await fetch(this.url, { signal: AbortSignal.timeout(timeout) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const keys = importKeys(await response.json());
      if (keys.size === 0) throw new Error('the key set holds no usable RSA key');
      this.keys = keys;
    } catch (error) {
      this.logger.warn(
        `Key refresh from ${this.url} failed (${(error as Error).message}); keeping ${this.keys.size} known keys`,
      );
    }
  }
}
