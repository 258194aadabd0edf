import { AuthTokenError, LazyRefreshToken } from '@app/auth';
import { ProblemError } from '../problems/problem.error';

/**
 * Step-up and MFA sign-ins raise an existing session, so they need that session's refresh token.
 * Answers the verified refresh JWT for such a sign-in, `undefined` for a plain one, and 401
 * `token_missing` naming the option when the token is absent.
 */
export async function stepUpToken(
  options: { stepup?: boolean; mfa?: boolean } | undefined,
  refresh: LazyRefreshToken,
): Promise<string | undefined> {
  if (!options?.stepup && !options?.mfa) return undefined;
  try {
    return (await refresh.verify()).jwt;
  } catch (error) {
    if (!(error instanceof AuthTokenError) || error.reason !== 'missing') throw error;
    throw new ProblemError(
      'token_missing',
      "loginOptions.stepup and loginOptions.mfa need the user's refresh token (DSR cookie or bearer)",
    );
  }
}
