import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Revocation, tokenHash } from './revocation';
import { VerifiedToken } from './verified-token';

/** What is revoked for one user; each part with the time (seconds) it can be dropped. */
interface UserEntry {
  notBefore: number;
  notBeforeUntil: number;
  families?: Map<number, { notBefore: number; until: number }>;
  tokens?: Map<string, number>;
}

const now = () => Date.now() / 1000;

/**
 * The live revocations this process knows, asked on every use of a token (memo hits included).
 * One map lookup by `sub` answers for every user with nothing revoked, and no allocation is made
 * for one who has a not-before or a family entry; only a user with exact-token entries costs a
 * hash, computed once per token (kept on the token, which the memo keeps). Entries leave when
 * no token they refuse can still be unexpired (`until`), swept every minute.
 */
@Injectable()
export class RevocationSet implements OnModuleDestroy {
  private readonly users = new Map<string, UserEntry>();
  private readonly hashes = new WeakMap<VerifiedToken, string>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();
  private entries = 0;

  /** Adds a revocation (from this instance or another); false when it was known or is over. */
  apply(revocation: Revocation): boolean {
    if (revocation.until <= now()) return false;
    let user = this.users.get(revocation.sub);
    if (!user) this.users.set(revocation.sub, (user = { notBefore: 0, notBeforeUntil: 0 }));
    if (revocation.type === 'user') {
      if (revocation.notBefore <= user.notBefore && user.notBeforeUntil > now()) return false;
      if (user.notBeforeUntil === 0) this.entries++;
      user.notBefore = Math.max(user.notBefore, revocation.notBefore);
      user.notBeforeUntil = Math.max(user.notBeforeUntil, revocation.until);
      return true;
    }
    if (revocation.type === 'family') {
      const families = (user.families ??= new Map<number, { notBefore: number; until: number }>());
      const known = families.get(revocation.rexp);
      if (known && known.notBefore >= revocation.notBefore && known.until >= revocation.until) {
        return false;
      }
      if (!known) this.entries++;
      families.set(revocation.rexp, {
        notBefore: Math.max(known?.notBefore ?? 0, revocation.notBefore),
        until: Math.max(known?.until ?? 0, revocation.until),
      });
      return true;
    }
    const tokens = (user.tokens ??= new Map<string, number>());
    const known = tokens.get(revocation.hash);
    if (known !== undefined && known >= revocation.until) return false;
    if (known === undefined) this.entries++;
    tokens.set(revocation.hash, revocation.until);
    return true;
  }

  /** True when a revocation refuses this token. */
  revokes(token: VerifiedToken): boolean {
    const user = this.users.get(token.claims.sub);
    if (user === undefined) return false;
    const time = now();
    if (user.notBeforeUntil > time && (token.claims.iat ?? 0) < user.notBefore) return true;
    if (user.families !== undefined && token.family !== undefined) {
      const family = user.families.get(token.family);
      const iat = token.claims.iat ?? 0;
      if (family !== undefined && family.until > time && iat < family.notBefore) return true;
    }
    if (user.tokens === undefined) return false;
    const until = user.tokens.get(this.hashOf(token));
    return until !== undefined && until > time;
  }

  /** How many entries are live (a not-before, a family or a token each count one). */
  get size(): number {
    return this.entries;
  }

  /** Drops every entry that can no longer refuse an unexpired token. */
  sweep(time = now()): void {
    for (const [sub, user] of this.users) {
      if (user.notBeforeUntil !== 0 && user.notBeforeUntil <= time) {
        user.notBefore = user.notBeforeUntil = 0;
        this.entries--;
      }
      user.families?.forEach(
        ({ until }, key) => until <= time && user.families!.delete(key) && this.entries--,
      );
      user.tokens?.forEach(
        (until, key) => until <= time && user.tokens!.delete(key) && this.entries--,
      );
      if (!user.notBeforeUntil && !user.families?.size && !user.tokens?.size) {
        this.users.delete(sub);
      }
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private hashOf(token: VerifiedToken): string {
    let hash = this.hashes.get(token);
    if (hash === undefined) this.hashes.set(token, (hash = tokenHash(token.jwt)));
    return hash;
  }
}
