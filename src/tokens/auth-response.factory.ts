import {
  AuthTokenError,
  nowSeconds,
  SESSION_ENDED,
  TokenKind,
  TokenVerifier,
  VerifiedToken,
} from '@app/auth';
import type { JWTResponse } from '@descope/node-sdk';
import { Injectable } from '@nestjs/common';
import { DeviceTokens } from '../budgets/device-tokens';
import { AuthResponseDto } from './dto/auth-response.dto';
import { toUserResponse } from '../common/dto/user-response.dto';
import { ProblemError } from '../problems/problem.error';
import { RevocationReason } from '../audit/audit-log';
import { SessionRevocations } from '../revocation/session-revocations';

/**
 * In Descope's cookie mode the body has no `sessionJwt`: the token is in the `DS` Set-Cookie the
 * SDK hands over raw in `cookies` (docs/descope-wire.md §6). Only the value is taken; the cookie
 * itself is never forwarded.
 */
function sessionCookie(cookies: string[] | undefined): string | undefined {
  const match = cookies?.join(';').match(/(?:^|[;,]\s*)DS=([^;,]*)/);
  return match?.[1] || undefined;
}

/** How an answer from Descope is turned into `AuthResponse` (see `fromDescope`). */
interface FromDescopeOptions {
  deviceFor?: string;
  endOthers?: RevocationReason;
  /** A refresh answer kept and handed out again: its session is asked about revocation. */
  replayed?: boolean;
}

/**
 * Builds `AuthResponse` from Descope's JWT response. Every token Descope hands out is verified
 * the same way incoming tokens are, and expiries come from the tokens themselves; the SDK's
 * `cookies` strings are dropped.
 */
@Injectable()
export class AuthResponseFactory {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly devices: DeviceTokens,
    private readonly revocations: SessionRevocations,
  ) {}

  /**
   * The answer to a successful authentication. `deviceFor`: it was by a secret for this login
   * id, so this device gets a device token (see DeviceTokens). `endOthers`: every other session
   * of the user ends, on every instance: the tokens issued before this session's second.
   */
  async fromDescope(
    data: JWTResponse & { cookies?: string[] },
    { deviceFor, endOthers, replayed }: FromDescopeOptions = {},
  ): Promise<AuthResponseDto> {
    const session = await this.verifyIssued(
      data.sessionJwt || sessionCookie(data.cookies),
      'session',
      replayed,
    );
    if (endOthers) {
      const { sub, iat } = session.claims;
      await this.revocations.endUser(sub, endOthers, iat ?? nowSeconds());
    }
    const refresh = data.refreshJwt
      ? await this.verifyIssued(data.refreshJwt, 'refresh')
      : undefined;
    return {
      sessionJwt: session.jwt,
      sessionExpiresAt: session.claims.exp,
      refreshJwt: refresh?.jwt,
      refreshExpiresAt: refresh?.claims.exp,
      firstSeen: data.firstSeen,
      user: toUserResponse(data.user),
      deviceToken: deviceFor === undefined ? undefined : await this.devices.issue(deviceFor),
    };
  }

  private async verifyIssued(
    jwt: string | undefined,
    kind: TokenKind,
    replayed = false,
  ): Promise<VerifiedToken> {
    try {
      return await this.verifier.verify(jwt, kind, { fromDescope: true, replayed });
    } catch (error) {
      if (!(error instanceof AuthTokenError)) throw error;
      // A kept answer whose session was ended since: refused like any ended session.
      if (error.detail === SESSION_ENDED) throw error;
      throw new ProblemError(
        'upstream_unavailable',
        `Descope returned a ${kind} token that does not verify`,
      );
    }
  }
}
