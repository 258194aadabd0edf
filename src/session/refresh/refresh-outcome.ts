import type { JWTResponse } from '@descope/node-sdk';

/** What a refresh came to: Descope's answer, or the token was rotated away earlier (reuse). */
export type RefreshOutcome = { answer: JWTResponse } | { reused: true };

/** A failure of the refresh itself (Descope's answer), told apart from a failure of Redis. */
export class UpstreamFailure extends Error {
  constructor(readonly error: unknown) {
    super('The refresh itself failed');
  }
}

/** Descope answered with another refresh token: the one presented is no longer valid. */
export const rotatedAway = (answer: JWTResponse, jwt: string) =>
  Boolean(answer.refreshJwt) && answer.refreshJwt !== jwt;

/** Rotated-away tokens remembered per user (the latest; older ones Descope still refuses). */
export const ROTATED_PER_USER = 10;
