import { LazyRefreshToken } from '@app/auth';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CallerInfo } from '../budgets/caller';
import { WRONG_OTP_CODE } from '../route-effects/account-failures';
import { SendCodeRoute, SignInRoute } from '../route-effects/route-kinds';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { ApiRefreshToken } from '../tokens/route-auth.decorators';
import { MaskedAddressResponseDto } from './dto/masked-address-response.dto';
import { OtpMethodParams } from './dto/otp-method.params';
import { OtpSignInDto } from './dto/otp-sign-in.dto';
import { OtpSignUpInDto } from './dto/otp-sign-up-in.dto';
import { OtpSignUpDto } from './dto/otp-sign-up.dto';
import { OtpVerifyDto } from './dto/otp-verify.dto';
import { OTP_EXAMPLES } from './otp.examples';
import { OtpService } from './otp.service';

@ApiTags('otp')
@Controller('v1/otp')
export class OtpController {
  constructor(private readonly otpService: OtpService) {}

  @Post('signup/:method')
  @SendCodeRoute(MaskedAddressResponseDto)
  @ApiOperation({
    summary: 'Send a sign-up code by email, SMS, voice or WhatsApp',
    description:
      'An existing login id also answers 202 (and gets no code): the route does not reveal accounts.',
  })
  @ApiBody({ type: OtpSignUpDto, examples: OTP_EXAMPLES.signUp })
  signUp(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpSignUpDto,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpService.signUp(method, dto, caller);
  }

  @Post('signin/:method')
  @SendCodeRoute(MaskedAddressResponseDto)
  @ApiRefreshToken()
  @ApiOperation({
    summary:
      'Send a sign-in code (step-up / MFA with loginOptions.stepup or .mfa and a refresh token)',
    description:
      'An unknown login id also answers 202 with a masked address: the route does not reveal accounts.',
  })
  @ApiBody({ type: OtpSignInDto, examples: OTP_EXAMPLES.signIn })
  signIn(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpSignInDto,
    @LazyRefreshToken() refresh: LazyRefreshToken,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpService.signIn(method, dto, refresh, caller);
  }

  @Post('signup-in/:method')
  @SendCodeRoute(MaskedAddressResponseDto)
  @ApiOperation({ summary: 'Send a code that signs the user in, or up when the login id is new' })
  @ApiBody({ type: OtpSignUpInDto, examples: OTP_EXAMPLES.signUpIn })
  signUpOrIn(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpSignUpInDto,
    @Caller() caller: CallerInfo,
  ): Promise<MaskedAddressResponseDto> {
    return this.otpService.signUpOrIn(method, dto, caller);
  }

  @Post('verify/:method')
  @SignInRoute('otp.verify', WRONG_OTP_CODE, { problems: ['user_exists'] })
  @ApiOperation({ summary: 'Verify a code: answers the session' })
  @ApiBody({ type: OtpVerifyDto, examples: OTP_EXAMPLES.verify })
  verify(
    @Param() { method }: OtpMethodParams,
    @Body() dto: OtpVerifyDto,
    @Caller() caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    return this.otpService.verify(method, dto, caller);
  }
}
