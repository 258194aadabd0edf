import { RefreshTokenRequired } from '@app/auth';
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';

/** The route reads the session token (bearer, then DS cookie): documents it and its 401s. */
export const SessionTokenRoute = () =>
  applyDecorators(
    ApiBearerAuth('bearer'),
    ApiCookieAuth('session-cookie'),
    ApiProblems('token_missing', 'token_invalid', 'token_expired', 'not_ready'),
  );

/**
 * The route reads the refresh token (DSR cookie, then bearer), possibly only sometimes (step-up)
 * or lazily (logout): documents it, its 401s, the 403 of a cookie sent from another site, and
 * the 503 before the keys load.
 */
export const ApiRefreshToken = () =>
  applyDecorators(
    ApiBearerAuth('bearer'),
    ApiCookieAuth('refresh-cookie'),
    ApiProblems('token_missing', 'token_invalid', 'token_expired', 'forbidden', 'not_ready'),
  );

/** The route needs the refresh token: guarded by `RefreshTokenGuard` and documented. */
export const RefreshTokenRoute = () => applyDecorators(RefreshTokenRequired(), ApiRefreshToken());
