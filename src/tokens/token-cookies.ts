import '@fastify/cookie';
import { REFRESH_COOKIE, SESSION_COOKIE } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply } from 'fastify';
import { DEVICE_COOKIE } from '../budgets/caller';
import { DeviceTokens } from '../budgets/device-tokens';
import { EnvironmentVariables } from '../config/env.validation';
import { AuthResponseDto } from './dto/auth-response.dto';

/** Sets and clears the DS, DSR and DT cookies as TOKEN_DELIVERY and the COOKIE_* keys say. */
@Injectable()
export class TokenCookies {
  private readonly delivery: EnvironmentVariables['TOKEN_DELIVERY'];
  private readonly base: {
    httpOnly: true;
    secure: boolean;
    sameSite: 'strict' | 'lax' | 'none';
    path: '/';
    domain?: string;
  };

  constructor(
    config: ConfigService<EnvironmentVariables, true>,
    private readonly devices: DeviceTokens,
  ) {
    this.delivery = config.get('TOKEN_DELIVERY', { infer: true });
    this.base = {
      httpOnly: true,
      secure: config.get('COOKIE_SECURE', { infer: true }),
      sameSite: config.get('COOKIE_SAMESITE', { infer: true }),
      path: '/',
      domain: config.get('COOKIE_DOMAIN', { infer: true }),
    };
  }

  /** Sets the cookies (unless body-only) and answers the body TOKEN_DELIVERY allows. */
  deliver(reply: FastifyReply, response: AuthResponseDto): AuthResponseDto {
    if (this.delivery === 'body') return response;
    const now = Math.floor(Date.now() / 1000);
    if (response.sessionJwt)
      this.set(reply, SESSION_COOKIE, response.sessionJwt, response.sessionExpiresAt - now);
    if (response.refreshJwt && response.refreshExpiresAt) {
      this.set(reply, REFRESH_COOKIE, response.refreshJwt, response.refreshExpiresAt - now);
    }
    if (response.deviceToken) {
      this.set(reply, DEVICE_COOKIE, response.deviceToken, this.devices.ttlMs / 1000);
    }
    if (this.delivery === 'both') return response;
    const { sessionJwt: _s, refreshJwt: _r, deviceToken: _d, ...withoutTokens } = response;
    return withoutTokens;
  }

  /** Expires the session cookies (a no-op with body-only delivery); the device token stays. */
  clear(reply: FastifyReply): void {
    if (this.delivery === 'body') return;
    for (const name of [SESSION_COOKIE, REFRESH_COOKIE]) {
      void reply.clearCookie(name, { ...this.base });
    }
  }

  private set(reply: FastifyReply, name: string, value: string, maxAge: number): void {
    void reply.setCookie(name, value, { ...this.base, maxAge: Math.max(0, maxAge) });
  }
}
