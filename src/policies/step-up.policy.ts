import { AuthTokenError, LazyRefreshToken, RefreshPrincipal } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { ProblemError } from '../problems/problem.error';
import { OwnershipPolicy } from './ownership.policy';

/**
 * Step-up and MFA sign-ins raise an existing session: they need that session's refresh token,
 * and the login id must be one of its user's. Checked here, before Descope is asked, so the
 * answer for another user's login id (403) is the same whether or not that account exists.
 */
@Injectable()
export class StepUpPolicy {
  constructor(private readonly ownership: OwnershipPolicy) {}

  /** The verified refresh JWT of a step-up or MFA sign-in; `undefined` for a plain one. */
  async token(
    options: { stepup?: boolean; mfa?: boolean } | undefined,
    loginId: string,
    refresh: LazyRefreshToken,
  ): Promise<string | undefined> {
    if (!options?.stepup && !options?.mfa) return undefined;
    const principal = await this.principal(refresh);
    await this.ownership.owner(principal, loginId);
    return principal.jwt;
  }

  private async principal(refresh: LazyRefreshToken): Promise<RefreshPrincipal> {
    try {
      return await refresh.verify();
    } catch (error) {
      if (!(error instanceof AuthTokenError) || error.reason !== 'missing') throw error;
      throw new ProblemError(
        'token_missing',
        "loginOptions.stepup and loginOptions.mfa need the user's refresh token (DSR cookie or bearer)",
      );
    }
  }
}
