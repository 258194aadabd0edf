import fastifyCors from '@fastify/cors';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EnvironmentVariables } from '../config/env.validation';

/** The request headers the API reads from a browser on another origin. */
export const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'x-request-id',
  'x-device-token',
];

/**
 * Cross-origin access for the exact origins of CORS_ORIGINS only (none by default), with
 * credentials so their cookies travel. A preflight from any other origin gets no
 * `Access-Control-Allow-*` header, so the browser never sends the request.
 */
export async function registerCors(
  app: NestFastifyApplication,
  config: EnvironmentVariables,
): Promise<void> {
  const allowed = new Set(config.CORS_ORIGINS);
  await app.register(fastifyCors, {
    // A function, not a list: for a refused origin the plugin then adds no CORS header at all.
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: ['retry-after', 'x-request-id'],
    maxAge: 600,
  });
}
