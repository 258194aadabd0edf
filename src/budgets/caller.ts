import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The device-token cookie, set after a successful authentication by a secret. */
export const DEVICE_COOKIE = 'DT';
export const DEVICE_HEADER = 'x-device-token';

/** Who is asking, as the budgets see it: the client address and the device token, if any. */
export interface CallerInfo {
  /** The client IP as resolved under TRUST_PROXY. */
  ip: string;
  /** `X-Device-Token`, then the `DT` cookie; unverified. */
  deviceToken?: string;
}

/** The caller of a route that checks a secret or sends a code. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const header = request.headers[DEVICE_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  return {
    ip: request.ip,
    deviceToken: fromHeader || request.cookies?.[DEVICE_COOKIE] || undefined,
  };
});
