import {
  AuthenticatedSession,
  CurrentRefreshToken,
  CurrentSession,
  LazyRefreshToken,
  Public,
  RefreshPrincipal,
} from '@app/auth';
import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UPSTREAM_PROBLEMS } from '../problems/api-problems.decorator';
import { AuthResponseDto } from '../tokens/dto/auth-response.dto';
import {
  ApiRefreshToken,
  RefreshTokenRoute,
  SessionTokenRoute,
} from '../tokens/route-auth.decorators';
import { UserResponseDto } from '../common/dto/user-response.dto';
import { IssuesTokens } from '../route-effects/issues-tokens.effect';
import { ClearsTokens } from '../route-effects/clears-tokens.effect';
import { SessionResponseDto } from './dto/session-response.dto';
import { SessionTenantDto } from './dto/session-tenant.dto';
import { SessionValidateDto } from './dto/session-validate.dto';
import { SessionService } from './session.service';
import { NoRateLimit } from '../rate-limit/no-rate-limit.decorator';
import { Audited } from '../route-effects/audited.effect';

@ApiTags('session')
@Controller('v1/session')
export class SessionController {
  constructor(private readonly sessionService: SessionService) {}

  @NoRateLimit()
  @Get()
  @SessionTokenRoute()
  @ApiOperation({ summary: "The caller's session (session token: bearer, then DS cookie)" })
  @ApiOkResponse({ type: SessionResponseDto })
  current(@CurrentSession() session: AuthenticatedSession): SessionResponseDto {
    return SessionResponseDto.from(session);
  }

  @Public()
  @NoRateLimit()
  @Post('validate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Validate a session JWT for another service, optionally requiring roles or permissions',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiProblems('invalid_request', 'token_invalid', 'token_expired', 'forbidden', 'not_ready')
  validate(@Body() dto: SessionValidateDto): Promise<SessionResponseDto> {
    return this.sessionService.validate(dto);
  }

  @RefreshTokenRoute()
  @Audited('session.refresh')
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @IssuesTokens()
  @ApiOperation({
    summary: 'A new session from the refresh token (DSR cookie, then bearer)',
    description:
      'Refreshes of one refresh token within REFRESH_REUSE_WINDOW_MS (10 s) get the same answer ' +
      'from one upstream refresh, on every instance, so tabs refreshing at once never log each ' +
      'other out when Descope rotates refresh tokens. A rotated-away token used after the window ' +
      'is refused (401) and, with REFRESH_REUSE_REVOKES, ends every session of the user.',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiProblems(...UPSTREAM_PROBLEMS)
  refresh(@CurrentRefreshToken() principal: RefreshPrincipal): Promise<AuthResponseDto> {
    return this.sessionService.refresh(principal);
  }

  @RefreshTokenRoute()
  @Post('tenant')
  @HttpCode(HttpStatus.OK)
  @IssuesTokens()
  @ApiOperation({ summary: 'Select a tenant: a new session carrying it as dct' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiProblems('invalid_request', ...UPSTREAM_PROBLEMS)
  selectTenant(
    @CurrentRefreshToken() principal: RefreshPrincipal,
    @Body() dto: SessionTenantDto,
  ): Promise<AuthResponseDto> {
    return this.sessionService.selectTenant(principal, dto.tenant);
  }

  @Public()
  @ApiRefreshToken()
  @Audited('session.logout')
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ClearsTokens()
  @ApiOperation({
    summary: 'Revoke this refresh token and clear the cookies',
    description:
      'Ends, on every instance and in every service using the guard with Redis: this refresh ' +
      'token, the session token the request carries (bearer, then DS cookie), every session ' +
      'minted from this refresh token so far (by its rexp), and what a refresh of it within the ' +
      'reuse window handed out. They answer 401 token_invalid from then on. A refresh token ' +
      'already exchanged for a newer one (rotation) is reuse: every session of the user ends.',
  })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiProblems(...UPSTREAM_PROBLEMS)
  logout(@LazyRefreshToken() refresh: LazyRefreshToken): Promise<void> {
    return this.sessionService.logout(refresh);
  }

  @Public()
  @ApiRefreshToken()
  @Audited('session.logout-all')
  @Post('logout-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ClearsTokens()
  @ApiOperation({
    summary: 'Revoke every refresh token of the user and clear the cookies',
    description:
      'Every token of the user issued up to this second (session and refresh) is refused from ' +
      'then on, on every instance and in every service using the guard with Redis.',
  })
  @ApiNoContentResponse({ description: 'Logged out everywhere' })
  @ApiProblems(...UPSTREAM_PROBLEMS)
  logoutAll(@LazyRefreshToken() refresh: LazyRefreshToken): Promise<void> {
    return this.sessionService.logoutAll(refresh);
  }

  @RefreshTokenRoute()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, as Descope knows it' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(...UPSTREAM_PROBLEMS)
  me(@CurrentRefreshToken() principal: RefreshPrincipal): Promise<UserResponseDto> {
    return this.sessionService.me(principal);
  }
}
