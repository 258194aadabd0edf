import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemError } from '../problems/problem.error';

/**
 * The throttler, answering in the problem shape with the seconds to wait. Registered before the
 * session guard, so a flood of bad tokens is limited too instead of getting 401 forever.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    throw new ProblemError('rate_limited', `Too many requests; retry in ${retryAfter} s`, {
      retryAfter,
    });
  }
}
