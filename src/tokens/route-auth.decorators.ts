import { RefreshTokenRequired } from '@app/auth';
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';

/**
 * The route reads the session token (bearer, then DS cookie): documents it and its 401s. Only
 * the bearer is a security scheme: Swagger UI cannot send a cookie, so src/swagger.ts describes
 * the DS cookie on the route instead.
 */
export const SessionTokenRoute = () =>
  applyDecorators(
    ApiBearerAuth('session-token'),
    ApiProblems('token_missing', 'token_invalid', 'token_expired', 'not_ready'),
  );

/**
 * The route reads the refresh token (DSR cookie, then bearer), possibly only sometimes (step-up)
 * or lazily (logout): documents it, its 401s, the 403 of a cookie sent from another site, and
 * the 503 before the keys load.
 */
export const ApiRefreshToken = () =>
  applyDecorators(
    ApiBearerAuth('refresh-token'),
    ApiProblems('token_missing', 'token_invalid', 'token_expired', 'forbidden', 'not_ready'),
  );

/** The route needs the refresh token: guarded by `RefreshTokenGuard` and documented. */
export const RefreshTokenRoute = () => applyDecorators(RefreshTokenRequired(), ApiRefreshToken());
