import { CurrentRefreshToken, LazyRefreshToken, Public, RefreshPrincipal } from '@app/auth';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UPSTREAM_PROBLEMS } from '../problems/api-problems.decorator';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { ApiRefreshToken, RefreshTokenRoute } from '../tokens/route-auth.decorators';
import { TotpEnrolmentResponseDto } from './dto/totp-enrolment-response.dto';
import { TotpSignUpDto } from './dto/totp-sign-up.dto';
import { TotpUpdateDto } from './dto/totp-update.dto';
import { TotpVerifyDto } from './dto/totp-verify.dto';
import { TOTP_EXAMPLES } from './totp.examples';
import { TotpService } from './totp.service';
import { Caller, CallerInfo } from '../budgets/caller';
import { WRONG_TOTP_CODE } from '../route-effects/account-failures';
import { SignInRoute } from '../route-effects/route-kinds';

@ApiTags('totp')
@Controller('v1/totp')
export class TotpController {
  constructor(private readonly totpService: TotpService) {}

  @Public()
  @Post('signup')
  @ApiOperation({
    summary: 'Sign up with an authenticator app: answers the QR code, otpauth URL and key',
    description:
      'The user is registered by its first right code at /v1/totp/verify; until then a new ' +
      'sign-up for the same login id replaces the key.',
  })
  @ApiCreatedResponse({ type: TotpEnrolmentResponseDto })
  @ApiProblems('invalid_request', 'user_exists', ...UPSTREAM_PROBLEMS)
  signUp(@Body() dto: TotpSignUpDto): Promise<TotpEnrolmentResponseDto> {
    return this.totpService.signUp(dto);
  }

  @Post('verify')
  @SignInRoute('totp.verify', WRONG_TOTP_CODE)
  @ApiRefreshToken()
  @ApiOperation({
    summary: 'Verify a code from the authenticator app: answers the session',
    description:
      'The first right code after /v1/totp/signup registers the user. With loginOptions.stepup ' +
      'or .mfa, send the refresh token too: the session keeps the user and adds totp (and mfa) ' +
      'to amr; a step-up also sets su.',
  })
  @ApiBody({ type: TotpVerifyDto, examples: TOTP_EXAMPLES.verify })
  verify(
    @Body() dto: TotpVerifyDto,
    @LazyRefreshToken() refresh: LazyRefreshToken,
    @Caller() caller: CallerInfo,
  ): Promise<AuthResponseDto> {
    return this.totpService.verify(dto, refresh, caller);
  }

  @RefreshTokenRoute()
  @Post('update')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Add (or replace) the authenticator app of the signed-in user' })
  @ApiOkResponse({ type: TotpEnrolmentResponseDto })
  @ApiProblems('invalid_request', 'forbidden', ...UPSTREAM_PROBLEMS)
  update(
    @CurrentRefreshToken() principal: RefreshPrincipal,
    @Body() dto: TotpUpdateDto,
  ): Promise<TotpEnrolmentResponseDto> {
    return this.totpService.update(principal, dto);
  }
}
