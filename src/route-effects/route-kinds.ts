import { Public } from '@app/auth';
import { applyDecorators, HttpCode, HttpStatus, Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse } from '@nestjs/swagger';
import { AuditAction } from '../audit/audit-log';
import { ApiGuessBudget, ApiSendBudget } from '../budgets/budget-docs';
import { ApiProblems, UPSTREAM_PROBLEMS } from '../problems/api-problems.decorator';
import { ProblemCode } from '../problems/problem-codes';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { Audited } from './audited.effect';
import { AccountFailure, HidesAccounts } from './hides-accounts.effect';
import { IssuesTokens } from './issues-tokens.effect';

/*
 * The two kinds of public route every authentication method has, one decorator each, so that a
 * handler reads as what it is plus its verb, path, summary and body examples.
 */

/**
 * Checks a secret for a login id and answers a session (200): public, audited as `action`, every
 * failure of the secret answered as `failure` (see `@HidesAccounts`), tokens delivered as
 * TOKEN_DELIVERY says, `problems` documented beside the ones every such route has. Spends the
 * account's guessing budget unless `guessBudget` is false (a one-time reset link limits itself).
 */
export const SignInRoute = (
  action: AuditAction,
  failure: AccountFailure,
  { problems = [], guessBudget = true }: { problems?: ProblemCode[]; guessBudget?: boolean } = {},
) =>
  applyDecorators(
    Public(),
    HttpCode(HttpStatus.OK),
    Audited(action),
    HidesAccounts(failure),
    IssuesTokens(),
    ...(guessBudget ? [ApiGuessBudget()] : []),
    ApiOkResponse({ type: AuthResponseDto }),
    ApiProblems('invalid_request', failure.code, ...problems, ...UPSTREAM_PROBLEMS),
  );

/**
 * Sends a code or a link to a login id and answers 202 with `response` whether or not the
 * account exists: public, within the send budget, Descope's code kept back (`@HidesAccounts`).
 */
export const SendCodeRoute = (response: Type) =>
  applyDecorators(
    Public(),
    HttpCode(HttpStatus.ACCEPTED),
    HidesAccounts(),
    ApiSendBudget(),
    ApiAcceptedResponse({ type: response }),
    ApiProblems('invalid_request', ...UPSTREAM_PROBLEMS),
  );
