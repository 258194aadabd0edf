import { UnauthorizedException } from '@nestjs/common';

/** Why a request's token was refused. */
export type AuthTokenFailure = 'missing' | 'invalid' | 'expired';

/**
 * A token that is absent, not valid (signature, kind, issuer, revoked...) or expired.
 * `detail` is safe to show a caller: it never quotes the token. A 401 of its own, so an app
 * without a filter for it still answers 401 (Nest's default filter shows `detail`). A refusal is
 * an answer, not a fault: no stack is captured (that was most of the cost of refusing a token).
 */
export class AuthTokenError extends UnauthorizedException {
  readonly reason: AuthTokenFailure;
  readonly detail: string;

  constructor(reason: AuthTokenFailure, detail: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(detail);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.reason = reason;
    this.detail = detail;
  }
}
