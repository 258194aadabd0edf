import { Public } from '@app/auth';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSendBudget } from '../budgets/budget-docs';
import { Caller, CallerInfo } from '../budgets/caller';
import { BAD_RESET_LINK } from '../route-effects/account-failures';
import { HidesAccounts } from '../route-effects/hides-accounts.effect';
import { ApiProblems, UPSTREAM_PROBLEMS } from '../problems/api-problems.decorator';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { IssuesTokens } from '../route-effects/issues-tokens.effect';
import { AcceptedResponseDto } from './dto/accepted-response.dto';
import { PasswordResetCompleteDto } from './dto/password-reset-complete.dto';
import { PasswordResetDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';
import { Audited } from '../route-effects/audited.effect';

/** Password reset: a one-time link to the user's verified email, then a new password. */
@ApiTags('password')
@Controller('v1/password')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @ApiSendBudget()
  @HidesAccounts()
  @Public()
  @Post('reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a password-reset link; answers 202 whether or not the account exists',
    description:
      'Descope sends the link only to a verified email: a password user verifies it first with ' +
      '/v1/otp/update/email (to the same address) and /v1/otp/verify/email. A refusal is logged ' +
      'and counted in auth_password_reset_refusals_total, and still answers 202.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  @ApiProblems('invalid_request', ...UPSTREAM_PROBLEMS)
  sendReset(
    @Body() dto: PasswordResetDto,
    @Caller() caller: CallerInfo,
  ): Promise<AcceptedResponseDto> {
    return this.resets.sendReset(dto, caller);
  }

  @HidesAccounts(BAD_RESET_LINK)
  @Public()
  @Audited('password.reset-complete')
  @Post('reset/complete')
  @HttpCode(HttpStatus.OK)
  @IssuesTokens()
  @ApiOperation({
    summary: "Finish a reset: the link's token and a new password; answers a new session",
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiProblems('invalid_request', 'weak_password', 'invalid_code', ...UPSTREAM_PROBLEMS)
  completeReset(@Body() dto: PasswordResetCompleteDto): Promise<AuthResponseDto> {
    return this.resets.completeReset(dto);
  }
}
