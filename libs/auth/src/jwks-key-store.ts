import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AUTH_DEFAULTS, AuthModuleOptions } from './auth-module-options';
import { AUTH_MODULE_OPTIONS } from './auth.module-definition';
import { importKeySet, SigningKey } from './jwk-import';
import { KeysNotReadyError } from './keys-not-ready.error';

const { firstLoadRetryMs } = AUTH_DEFAULTS;

/**
 * Descope's signing keys by `kid`. The first load is retried quickly until a key set arrives
 * (until then `getKey` throws `KeysNotReadyError`: 503, never 401); then the set is refreshed
 * every interval (with `If-None-Match`). An unknown `kid` fetches at most once per cooldown, and
 * after a failed fetch the wait doubles up to the refresh interval, so a flood of forged kids
 * during an outage costs nothing. All fetches are single-flight. A failed fetch keeps the last
 * good keys; a successful one replaces them, so a key Descope drops stops being trusted.
 */
@Injectable()
export class JwksKeyStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(JwksKeyStore.name);
  private readonly url: string;
  private readonly refreshMs: number;
  private readonly cooldownMs: number;
  private keys = new Map<string, SigningKey>();
  private loaded = false;
  private etag?: string;
  private inflight?: Promise<boolean>;
  private nextUnknownKidFetch = 0;
  private failureWait = 0;
  private timer?: NodeJS.Timeout;
  private closed = false;
  /** The last key-set fetch: whether Descope answered with keys (or 304), and when (ms). */
  lastFetch?: { ok: boolean; at: number };
  private readonly droppedListeners: ((kids: ReadonlySet<string>) => void)[] = [];

  constructor(@Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/v2/keys/${encodeURIComponent(options.projectId)}`;
    this.refreshMs = options.jwksRefreshIntervalMs ?? AUTH_DEFAULTS.jwksRefreshIntervalMs;
    this.cooldownMs = options.unknownKidCooldownMs ?? AUTH_DEFAULTS.unknownKidCooldownMs;
  }

  /** Waits for the first fetch (bounded by its timeout), so a healthy start is ready at once. */
  async onModuleInit(): Promise<void> {
    await this.loadFirst(firstLoadRetryMs.from);
  }

  onModuleDestroy(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** True once a key set has been loaded. */
  get ready(): boolean {
    return this.loaded;
  }

  /** Whether a key is trusted now. */
  has(kid: string): boolean {
    return this.keys.has(kid);
  }

  /** Calls `listener` with the kids of every key a fetched key set no longer lists. */
  onKeysDropped(listener: (kids: ReadonlySet<string>) => void): void {
    this.droppedListeners.push(listener);
  }

  /** How many signing keys are trusted now. */
  get keyCount(): number {
    return this.keys.size;
  }

  /**
   * The key for a `kid`, fetching the key set when the kid is new and the cooldown allows.
   * `trusted`: the token came straight from Descope (not from a caller), so a new kid means a
   * rotation and is fetched even within the cooldown that callers' unknown kids may have used up.
   */
  async getKey(kid: string, { trusted = false } = {}): Promise<SigningKey | undefined> {
    const known = this.keys.get(kid);
    if (known) return known;
    if (!this.loaded && !(await this.inflight)) throw new KeysNotReadyError();
    if (this.inflight) await this.inflight;
    else if (trusted || Date.now() >= this.nextUnknownKidFetch) await this.refresh();
    return this.keys.get(kid);
  }

  /** Fetches the key set now; concurrent callers share one request. Never throws. */
  refresh(): Promise<boolean> {
    this.inflight ??= this.fetchKeys().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** Until a key set arrives: retried after 0.5 s, doubling up to 5 s; then the refresh loop. */
  private async loadFirst(wait: number): Promise<void> {
    if (await this.refresh()) this.later(this.refreshMs, () => this.refreshLoop());
    else this.later(wait, () => void this.loadFirst(Math.min(wait * 2, firstLoadRetryMs.to)));
  }

  private refreshLoop(): void {
    void this.refresh().finally(() => this.later(this.refreshMs, () => this.refreshLoop()));
  }

  private later(ms: number, task: () => void): void {
    if (!this.closed) this.timer = setTimeout(task, ms).unref();
  }

  private async fetchKeys(): Promise<boolean> {
    const timeout = this.options.jwksTimeoutMs ?? AUTH_DEFAULTS.jwksTimeoutMs;
    try {
      const headers: Record<string, string> = this.etag ? { 'if-none-match': this.etag } : {};
      const response = await fetch(this.url, { headers, signal: AbortSignal.timeout(timeout) });
      const unchanged = response.status === 304 && this.loaded;
      if (!unchanged) await this.replaceKeys(response);
      this.options.onKeyFetch?.(unchanged ? 'unchanged' : 'updated');
      this.lastFetch = { ok: true, at: Date.now() };
      this.failureWait = 0;
      this.nextUnknownKidFetch = Date.now() + this.cooldownMs;
      return true;
    } catch (error) {
      this.failureWait = Math.min(this.refreshMs, Math.max(this.cooldownMs, this.failureWait * 2));
      this.nextUnknownKidFetch = Date.now() + this.failureWait;
      this.options.onKeyFetch?.('failed');
      this.lastFetch = { ok: false, at: Date.now() };
      const reason = (error as Error).message;
      this.logger.warn(
        `Key fetch from ${this.url} failed (${reason}); ${this.keys.size} keys kept`,
      );
      return false;
    }
  }

  private async replaceKeys(response: Response): Promise<void> {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const keys = importKeySet(await response.json());
    if (keys.size === 0) throw new Error('the key set holds no usable signing key');
    const dropped = new Set([...this.keys.keys()].filter((kid) => !keys.has(kid)));
    this.keys = keys;
    if (dropped.size) for (const listener of this.droppedListeners) listener(dropped);
    this.etag = response.headers.get('etag') ?? undefined;
    this.loaded = true;
  }
}
