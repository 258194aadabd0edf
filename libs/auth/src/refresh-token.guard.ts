import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { REFRESH_STRATEGY } from './refresh.strategy';

/**
 * Guards a route that needs a refresh token instead of a session token. Applied by
 * `@RefreshTokenRequired()`; the verified principal is `@CurrentRefreshToken()`.
 */
@Injectable()
export class RefreshTokenGuard extends AuthGuard(REFRESH_STRATEGY) {}
