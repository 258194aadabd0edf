import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { AuthResponseDto } from '../dto/auth-response.dto';
import { TokenCookies } from './token-cookies';

/** Delivers an `AuthResponse` as TOKEN_DELIVERY says: body, cookies, or both. */
@Injectable()
export class IssueTokensInterceptor implements NestInterceptor<AuthResponseDto, AuthResponseDto> {
  constructor(private readonly cookies: TokenCookies) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler<AuthResponseDto>,
  ): Observable<AuthResponseDto> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(map((response) => this.cookies.deliver(reply, response)));
  }
}

/** Clears the DS and DSR cookies once the route succeeds (logout). */
@Injectable()
export class ClearTokensInterceptor implements NestInterceptor {
  constructor(private readonly cookies: TokenCookies) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(map((result: unknown) => (this.cookies.clear(reply), result)));
  }
}

/** The route answers an AuthResponse: deliver its tokens as configured. */
export const IssuesTokens = () => applyDecorators(UseInterceptors(IssueTokensInterceptor));

/** The route ends the session: clear the token cookies. */
export const ClearsTokens = () => applyDecorators(UseInterceptors(ClearTokensInterceptor));
