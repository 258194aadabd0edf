import { AuthTokenError, TokenVerifier } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { ProblemError } from './problem.error';

/** Step-up and MFA sign-ins raise an existing session: they need that session's refresh token. */
@Injectable()
export class StepUpTokens {
  constructor(private readonly verifier: TokenVerifier) {}

  /** The verified refresh JWT, or 401 saying the option needs one. */
  async verify(refreshJwt: string | undefined): Promise<string> {
    try {
      return (await this.verifier.verify(refreshJwt, 'refresh')).jwt;
    } catch (error) {
      if (error instanceof AuthTokenError && error.reason === 'missing') {
        throw new ProblemError(
          'token_missing',
          "loginOptions.stepup and loginOptions.mfa need the user's refresh token (DSR cookie or bearer)",
        );
      }
      throw error;
    }
  }
}
