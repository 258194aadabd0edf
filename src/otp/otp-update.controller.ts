import { CurrentRefreshToken, RefreshPrincipal } from '@app/auth';
import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UPSTREAM_PROBLEMS } from '../problems/api-problems.decorator';
import { RefreshTokenRoute } from '../tokens/route-auth.decorators';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';
import { PhoneMethodParams } from './dto/otp-method.params';
import { OtpUpdateEmailDto } from './dto/otp-update-email.dto';
import { OtpUpdatePhoneDto } from './dto/otp-update-phone.dto';
import { OTP_EXAMPLES } from './otp.examples';
import { OtpUpdateService } from './otp-update.service';
import { Caller, CallerInfo } from '../budgets/caller';
import { ApiSendBudget } from '../budgets/budget-docs';

/** Changing the email or phone of the refresh token's own user. */
@ApiTags('otp')
@Controller('v1/otp/update')
export class OtpUpdateController {
  constructor(private readonly otpUpdateService: OtpUpdateService) {}

  @ApiSendBudget()
  @RefreshTokenRoute()
  @Post('email')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Change the email: a code goes to the new address; verify it with /v1/otp/verify/email',
  })
  @ApiBody({ type: OtpUpdateEmailDto, examples: OTP_EXAMPLES.updateEmail })
  @ApiAcceptedResponse({ type: MaskedAddressResponseDto })
  @ApiProblems('invalid_request', 'forbidden', 'user_exists', ...UPSTREAM_PROBLEMS)
  updateEmail(
    @CurrentRefreshToken() principal: RefreshPrincipal,
    @Body() dto: OtpUpdateEmailDto,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpUpdateService.updateEmail(principal, dto, caller);
  }

  @ApiSendBudget()
  @RefreshTokenRoute()
  @Post('phone/:method')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Change the phone: a code goes to the new number; verify it with /v1/otp/verify/{method}',
  })
  @ApiBody({ type: OtpUpdatePhoneDto, examples: OTP_EXAMPLES.updatePhone })
  @ApiAcceptedResponse({ type: MaskedAddressResponseDto })
  @ApiProblems('invalid_request', 'forbidden', 'user_exists', ...UPSTREAM_PROBLEMS)
  updatePhone(
    @Param() { method }: PhoneMethodParams,
    @CurrentRefreshToken() principal: RefreshPrincipal,
    @Body() dto: OtpUpdatePhoneDto,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpUpdateService.updatePhone(method, principal, dto, caller);
  }
}
