import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CallerInfo } from '../budgets/caller';
import { BAD_RESET_LINK } from '../route-effects/account-failures';
import { SendCodeRoute, SignInRoute } from '../route-effects/route-kinds';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { AcceptedResponseDto } from './dto/accepted-response.dto';
import { PasswordResetCompleteDto } from './dto/password-reset-complete.dto';
import { PasswordResetDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';

/** Password reset: a one-time link to the user's verified email, then a new password. */
@ApiTags('password')
@Controller('v1/password')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post('reset')
  @SendCodeRoute(AcceptedResponseDto)
  @ApiOperation({
    summary: 'Send a password-reset link; answers 202 whether or not the account exists',
    description:
      'Descope sends the link only to a verified email: a password user verifies it first with ' +
      '/v1/otp/update/email (to the same address) and /v1/otp/verify/email. A refusal is audited ' +
      '(its reason, a keyed hash of the login id) and still answers 202.',
  })
  sendReset(
    @Body() dto: PasswordResetDto,
    @Caller() caller: CallerInfo,
  ): Promise<AcceptedResponseDto> {
    return this.resets.sendReset(dto, caller);
  }

  @Post('reset/complete')
  @SignInRoute('password.reset-complete', BAD_RESET_LINK, {
    problems: ['weak_password'],
    guessBudget: false,
  })
  @ApiOperation({
    summary: "Finish a reset: the link's token and a new password; answers a new session",
  })
  completeReset(@Body() dto: PasswordResetCompleteDto): Promise<AuthResponseDto> {
    return this.resets.completeReset(dto);
  }
}
