import { LazyRefreshToken, Public } from '@app/auth';
import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, UPSTREAM_PROBLEMS } from '../problems/api-problems.decorator';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { ApiRefreshToken } from '../tokens/route-auth.decorators';
import { IssuesTokens } from '../route-effects/issues-tokens.effect';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';
import { OtpMethodParams } from './dto/otp-method.params';
import { OtpSignInDto } from './dto/otp-sign-in.dto';
import { OtpSignUpInDto } from './dto/otp-sign-up-in.dto';
import { OtpSignUpDto } from './dto/otp-sign-up.dto';
import { OtpVerifyDto } from './dto/otp-verify.dto';
import { OTP_EXAMPLES } from './otp.examples';
import { OtpService } from './otp.service';
import { Caller, CallerInfo } from '../budgets/caller';
import { WRONG_OTP_CODE } from '../route-effects/account-failures';
import { HidesAccounts } from '../route-effects/hides-accounts.effect';
import { ApiGuessBudget, ApiSendBudget } from '../budgets/budget-docs';
import { Audited } from '../route-effects/audited.effect';

@ApiTags('otp')
@Controller('v1/otp')
export class OtpController {
  constructor(private readonly otpService: OtpService) {}

  @ApiSendBudget()
  @HidesAccounts()
  @Public()
  @Post('signup/:method')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a sign-up code by email, SMS, voice or WhatsApp',
    description:
      'An existing login id also answers 202 (and gets no code): the route does not reveal accounts.',
  })
  @ApiBody({ type: OtpSignUpDto, examples: OTP_EXAMPLES.signUp })
  @ApiAcceptedResponse({ type: MaskedAddressResponseDto })
  @ApiProblems('invalid_request', ...UPSTREAM_PROBLEMS)
  signUp(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpSignUpDto,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpService.signUp(method, dto, caller);
  }

  @ApiSendBudget()
  @HidesAccounts()
  @Public()
  @Post('signin/:method')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiRefreshToken()
  @ApiOperation({
    summary:
      'Send a sign-in code (step-up / MFA with loginOptions.stepup or .mfa and a refresh token)',
    description:
      'An unknown login id also answers 202 with a masked address: the route does not reveal accounts.',
  })
  @ApiBody({ type: OtpSignInDto, examples: OTP_EXAMPLES.signIn })
  @ApiAcceptedResponse({ type: MaskedAddressResponseDto })
  @ApiProblems('invalid_request', ...UPSTREAM_PROBLEMS)
  signIn(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpSignInDto,
    @LazyRefreshToken() refresh: LazyRefreshToken,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpService.signIn(method, dto, refresh, caller);
  }

  @ApiSendBudget()
  @HidesAccounts()
  @Public()
  @Post('signup-in/:method')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a code that signs the user in, or up when the login id is new' })
  @ApiBody({ type: OtpSignUpInDto, examples: OTP_EXAMPLES.signUpIn })
  @ApiAcceptedResponse({ type: MaskedAddressResponseDto })
  @ApiProblems('invalid_request', ...UPSTREAM_PROBLEMS)
  signUpOrIn(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpSignUpInDto,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpService.signUpOrIn(method, dto, caller);
  }

  @ApiGuessBudget()
  @HidesAccounts(WRONG_OTP_CODE)
  @Public()
  @Audited('otp.verify')
  @Post('verify/:method')
  @HttpCode(HttpStatus.OK)
  @IssuesTokens()
  @ApiOperation({ summary: 'Verify a code: answers the session' })
  @ApiBody({ type: OtpVerifyDto, examples: OTP_EXAMPLES.verify })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiProblems('invalid_request', 'invalid_code', 'user_exists', ...UPSTREAM_PROBLEMS)
  verify(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpVerifyDto,
    @Caller() caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    return this.otpService.verify(method, dto, caller);
  }
}
