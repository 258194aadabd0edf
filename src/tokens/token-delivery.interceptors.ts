import { RequestTokens, RequestWithTokens } from '@app/auth';
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, map, Observable, throwError } from 'rxjs';
import { TokenCookies } from './token-cookies';

/**
 * Clears the DS and DSR cookies whatever the outcome (logout): even when the refresh token was
 * already expired or revoked, the browser should not keep a session cookie around. Except for a
 * cross-site request: another site must not be able to log the user out.
 */
@Injectable()
export class ClearTokensInterceptor implements NestInterceptor {
  constructor(
    private readonly cookies: TokenCookies,
    private readonly tokens: RequestTokens,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const clear = () => {
      if (!this.tokens.crossSite(http.getRequest<RequestWithTokens>())) this.cookies.clear(reply);
    };
    return next.handle().pipe(
      map((result: unknown) => (clear(), result)),
      catchError((error: unknown) => (clear(), throwError(() => error))),
    );
  }
}

/** The route ends the session: clear the token cookies. */
export const ClearsTokens = () => applyDecorators(UseInterceptors(ClearTokensInterceptor));
