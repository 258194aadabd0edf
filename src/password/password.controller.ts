import { CurrentRefreshToken, Public, RefreshPrincipal } from '@app/auth';
import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, CallerInfo } from '../budgets/caller';
import { ApiProblems, UPSTREAM_PROBLEMS } from '../problems/api-problems.decorator';
import { WRONG_PASSWORD } from '../route-effects/account-failures';
import { Audited } from '../route-effects/audited.effect';
import { IssuesTokens } from '../route-effects/issues-tokens.effect';
import { SignInRoute } from '../route-effects/route-kinds';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import { RefreshTokenRoute } from '../tokens/route-auth.decorators';
import { PasswordPolicyResponseDto } from './dto/password-policy-response.dto';
import { PasswordReplaceDto } from './dto/password-replace.dto';
import { PasswordSignInDto } from './dto/password-sign-in.dto';
import { PasswordSignUpDto } from './dto/password-sign-up.dto';
import { PasswordUpdateDto } from './dto/password-update.dto';
import { PASSWORD_EXAMPLES } from './password.examples';
import { PasswordService } from './password.service';

@ApiTags('password')
@Controller('v1/password')
export class PasswordController {
  constructor(private readonly passwordService: PasswordService) {}

  @Public()
  @Audited('password.signup')
  @Post('signup')
  @IssuesTokens()
  @ApiOperation({ summary: 'Sign up with a login id and password' })
  @ApiBody({ type: PasswordSignUpDto, examples: PASSWORD_EXAMPLES.signUp })
  @ApiCreatedResponse({
    type: AuthResponseDto,
    description: 'Signed up and signed in; sets DS/DSR cookies per TOKEN_DELIVERY',
  })
  @ApiProblems('invalid_request', 'weak_password', 'user_exists', ...UPSTREAM_PROBLEMS)
  signUp(@Body() dto: PasswordSignUpDto): Promise<AuthResponseDto> {
    return this.passwordService.signUp(dto);
  }

  @Post('signin')
  @SignInRoute('password.signin', WRONG_PASSWORD, { problems: ['password_expired'] })
  @ApiOperation({ summary: 'Sign in with a login id and password' })
  @ApiBody({ type: PasswordSignInDto, examples: PASSWORD_EXAMPLES.signIn })
  signIn(@Body() dto: PasswordSignInDto, @Caller() caller: CallerInfo): Promise<AuthResponseDto> {
    return this.passwordService.signIn(dto, caller);
  }

  @Post('replace')
  @SignInRoute('password.replace', WRONG_PASSWORD, { problems: ['weak_password'] })
  @ApiOperation({ summary: 'Replace the password, proving the old one; answers a new session' })
  replace(@Body() dto: PasswordReplaceDto, @Caller() caller: CallerInfo): Promise<AuthResponseDto> {
    return this.passwordService.replace(dto, caller);
  }

  @RefreshTokenRoute()
  @Audited('password.update')
  @Post('update')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Set a new password for the signed-in user (refresh token: DSR cookie or bearer)',
  })
  @ApiNoContentResponse({ description: 'Password updated' })
  @ApiProblems('invalid_request', 'weak_password', 'forbidden', ...UPSTREAM_PROBLEMS)
  update(
    @CurrentRefreshToken() principal: RefreshPrincipal,
    @Body() dto: PasswordUpdateDto,
  ): Promise<void> {
    return this.passwordService.update(principal, dto);
  }

  @Public()
  @Get('policy')
  @ApiOperation({ summary: 'The password policy new passwords must meet' })
  @ApiOkResponse({ type: PasswordPolicyResponseDto })
  @ApiProblems(...UPSTREAM_PROBLEMS)
  policy(): Promise<PasswordPolicyResponseDto> {
    return this.passwordService.policy();
  }
}
