import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';

/** The route spends a budget: a device token (header or DT cookie) gives the device its own. */
export const ApiSendBudget = () =>
  applyDecorators(
    ApiHeader({
      name: 'X-Device-Token',
      required: false,
      description:
        'The deviceToken of an earlier sign-in on this device (or the DT cookie): the device ' +
        'spends its own budget, not the one others may have spent for this login id',
    }),
    ApiProblems('limiter_unavailable'),
  );

/** The route checks a secret: it spends the account's guessing budget (429 when spent). */
export const ApiGuessBudget = () =>
  applyDecorators(ApiSendBudget(), ApiProblems('too_many_attempts'));
