import { RefreshTokenRequired } from '@app/auth';
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';

/** The route reads the session token (bearer, then DS cookie): documents it and its 401s. */
export const SessionTokenRoute = () =>
  applyDecorators(
    ApiBearerAuth('bearer'),
    ApiCookieAuth('session-cookie'),
    ApiProblems('token_missing', 'token_invalid', 'token_expired'),
  );

/**
 * The route reads the refresh token (DSR cookie, then bearer), possibly only sometimes (step-up)
 * or lazily (logout): documents it and its 401s.
 */
export const ApiRefreshToken = () =>
  applyDecorators(
    ApiBearerAuth('bearer'),
    ApiCookieAuth('refresh-cookie'),
    ApiProblems('token_missing', 'token_invalid', 'token_expired'),
  );

/** The route needs the refresh token: guarded by `RefreshTokenGuard` and documented. */
export const RefreshTokenRoute = () => applyDecorators(RefreshTokenRequired(), ApiRefreshToken());
