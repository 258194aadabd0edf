import { DescopeClient, DescopeErrorCodes, isDescopeCode } from '@app/descope';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LRUCache } from 'lru-cache';
import { EnvironmentVariables } from '../../config/env.validation';
import { ProblemError } from '../../problems/problem.error';
import { SessionRevocations } from '../../revocation/session-revocations';

/**
 * What a refresh token that was already exchanged for a newer one means when it comes back
 * (to refresh or to log out): the user's own stale copy or a stolen one, with no telling which.
 * With REFRESH_REUSE_REVOKES (default) every session of the user ends: a not-before here and on
 * every instance (refresh tokens included), and at Descope every refresh token of the user
 * (management `logoutUserByUserId`, when a management key is configured), so a thief's copy and
 * its successor are worth nothing anywhere.
 */
@Injectable()
export class RefreshReuse {
  private readonly logger = new Logger('RefreshReuse');
  private readonly revokes: boolean;
  private readonly ending = new LRUCache<string, Promise<void>>({ max: 10_000, ttl: 10_000 });

  constructor(
    private readonly revocations: SessionRevocations,
    private readonly descope: DescopeClient,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.revokes = config.get('REFRESH_REUSE_REVOKES', { infer: true });
  }

  /** Ends the user's sessions (when configured to); answers the problem to refuse the token with. */
  async end(userId: string): Promise<ProblemError> {
    if (this.revokes) {
      // Concurrent reuses of one user's tokens end the sessions once, not once each.
      let ending = this.ending.get(userId);
      if (!ending) this.ending.set(userId, (ending = this.endAll(userId)));
      await ending;
    }
    return new ProblemError(
      'token_invalid',
      this.revokes
        ? 'The refresh token was already exchanged for a newer one; every session of this user was ended'
        : 'The refresh token was already exchanged for a newer one',
    );
  }

  /**
   * A Descope call with a refresh token of `userId`: when Descope answers that it ended the
   * token's family (E064006, a rotated-away token came back), the user's sessions end here too,
   * as for reuse seen here, whatever route presented the token.
   */
  async familyChecked<T>(userId: string, pending: Promise<T>): Promise<T> {
    try {
      return await pending;
    } catch (error) {
      if (isDescopeCode(error, DescopeErrorCodes.familyInvalidated)) throw await this.end(userId);
      throw error;
    }
  }

  private async endAll(userId: string): Promise<void> {
    await this.revocations.endUser(userId, 'refresh_reuse');
    await this.descope
      .call((sdk) => sdk.management.user.logoutUserByUserId(userId))
      .catch(() =>
        this.logger.warn(
          'Descope did not end the refresh tokens of a user whose refresh token was reused ' +
            '(no management key?); this service and the guard refuse them anyway',
        ),
      );
  }
}
