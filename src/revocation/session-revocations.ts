import {
  nowSeconds,
  RefreshPrincipal,
  Revocation,
  RevocationSet,
  tokenHash,
  VerifiedToken,
} from '@app/auth';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditLog, RevocationReason } from '../audit/audit-log';
import { EnvironmentVariables } from '../config/env.validation';
import { RevocationPublisher } from './revocation-publisher';

/** Beyond `exp`, how long a token is still accepted (the verifier's clock tolerance) and a margin. */
const TOLERANCE_SECONDS = 10;
/**
 * A family's not-before: every session issued up to the logout's second. Not further ahead: a
 * sibling refresh token minted in the same second shares the family's `rexp`, and its next
 * session must live (docs/sessions.md). Descope's clock and this one are assumed within a second.
 */
const FAMILY_AHEAD_SECONDS = 1;

/**
 * Ends sessions for every instance and every service using the packaged guard: applied here at
 * once (the next request on this instance is refused), then handed to Redis for the others, and
 * audited with how many instances heard it. What each kind of revocation refuses, and for how
 * long, is in `Revocation` (libs/auth) and docs/sessions.md.
 */
@Injectable()
export class SessionRevocations {
  private readonly sessionLifetime: number;
  private readonly refreshLifetime: number;

  constructor(
    private readonly revocations: RevocationSet,
    private readonly publisher: RevocationPublisher,
    private readonly audit: AuditLog,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.sessionLifetime = config.get('SESSION_MAX_LIFETIME_SECONDS', { infer: true });
    this.refreshLifetime = config.get('REFRESH_MAX_LIFETIME_SECONDS', { infer: true });
  }

  /**
   * Logout: the sessions minted from this refresh token (its family), and the session token the
   * request carried, by its exact text and its own family (after a rotation it descends from an
   * earlier refresh token). A carried session of another user is ignored.
   */
  async endSession(refresh: RefreshPrincipal, session: VerifiedToken | undefined): Promise<void> {
    const sub = refresh.userId;
    // Its sessions expire by the refresh token's own expiry and a session lifetime from now.
    const until =
      Math.min(refresh.refreshExpiresAt, nowSeconds() + this.sessionLifetime) + TOLERANCE_SECONDS;
    const notBefore = nowSeconds() + FAMILY_AHEAD_SECONDS;
    const family = (rexp: number): Revocation => ({ type: 'family', sub, rexp, notBefore, until });
    // The refresh token itself too: no instance may answer for it again (a kept refresh answer).
    const refreshUntil = Math.min(refresh.refreshExpiresAt, nowSeconds() + this.refreshLifetime);
    const entries: Revocation[] = [
      family(refresh.refreshExpiresAt),
      { type: 'token', sub, hash: tokenHash(refresh.jwt), until: refreshUntil + TOLERANCE_SECONDS },
    ];
    if (session?.claims.sub === sub) {
      const hash = tokenHash(session.jwt);
      entries.push({ type: 'token', sub, hash, until: session.claims.exp + TOLERANCE_SECONDS });
      if (session.family !== undefined && session.family !== refresh.refreshExpiresAt) {
        entries.push(family(session.family));
      }
    }
    await this.end(sub, entries, 'logout');
  }

  /**
   * Every token of `sub` issued before `notBefore` (Unix seconds). By default every token issued
   * up to and including this second: `iat` has one-second granularity, so a session issued later
   * in this same second is refused too. A revocation made with a new session in the same answer
   * passes that session's `iat`: the new session, and any other of that second, stay valid.
   */
  async endUser(sub: string, reason: RevocationReason, notBefore = nowSeconds() + 1) {
    // It refuses refresh tokens too: it lives as long as the longest of them can.
    const until = notBefore + this.refreshLifetime + TOLERANCE_SECONDS;
    await this.end(sub, [{ type: 'user', sub, notBefore, until }], reason);
  }

  private async end(sub: string, entries: Revocation[], reason: RevocationReason): Promise<void> {
    for (const entry of entries) this.revocations.apply(entry);
    const reached = await Promise.all(entries.map((entry) => this.publisher.publish(entry)));
    const known = reached.every((count) => count !== undefined);
    this.audit.revocation(reason, sub, known ? Math.min(...reached) : undefined);
  }
}
