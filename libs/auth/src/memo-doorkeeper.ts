/**
 * Second-sight admission for the verified-token memo (the "doorkeeper" of TinyLFU, Einziger et
 * al. 2017): a token is remembered the second time it verifies, not the first. A token shown once
 * (a scanner's, a load test's, a service that validates a token once and drops it) then costs no
 * memo entry, evicts no token in real use and leaves nothing for old-space collections to carry.
 * A token in use pays at most one more signature check, and none when this service issued it: a
 * sign-in's own check of the tokens Descope returns is their first sight. More live tokens than
 * slots overwrite marks before a second check, so the memo sizes the table from AUTH_MEMO_MAX.
 *
 * Kept here rather than taken from a library: it is a table of 32-bit fingerprints of each
 * token's signature tail, and lru-cache (the memo itself) has no admission policy. A collision can
 * only admit a token a check early or late, never serve one: the memo is keyed by the whole token.
 */
export class MemoDoorkeeper {
  private readonly slots: Int32Array;

  private readonly mask: number;

  constructor(bits = 16) {
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** True when this token was offered before (and its mark not overwritten); else marks it. */
  admit(jwt: string): boolean {
    // FNV-1a over the signature's last 32 characters but one (the hash needs no more).
    let hash = 0x811c9dc5;
    for (let i = Math.max(0, jwt.length - 33); i < jwt.length - 1; i++) {
      hash = Math.imul(hash ^ jwt.charCodeAt(i), 0x01000193);
    }
    const fingerprint = hash | 1; // never 0, the empty slot
    const slot = (hash ^ (hash >>> 16)) & this.mask;
    if (this.slots[slot] === fingerprint) return true;
    this.slots[slot] = fingerprint;
    return false;
  }
}
