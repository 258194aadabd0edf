import { RefreshTokenRequired } from '@app/auth';
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ProblemCode } from './problem-codes';

/** The problems of a route that reads a token. */
export const TOKEN_PROBLEMS: ProblemCode[] = ['token_missing', 'token_invalid', 'token_expired'];

/** Documents that a route reads the refresh token: the DSR cookie, then the bearer. */
export const ApiRefreshToken = () =>
  applyDecorators(ApiBearerAuth('bearer'), ApiCookieAuth('refresh-cookie'));

/** The route needs the refresh token (guard) and says so in the docs. */
export const RefreshTokenRoute = () => applyDecorators(RefreshTokenRequired(), ApiRefreshToken());
