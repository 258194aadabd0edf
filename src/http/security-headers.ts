import { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The CSP is Helmet's default, which Swagger UI at /docs works under (its scripts are files; it
 * needs only inline styles and data: images), less `upgrade-insecure-requests`, which would
 * break the UI on a plain-http development port.
 */
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: { 'upgrade-insecure-requests': null, 'frame-ancestors': ["'none'"] },
  },
};

/** The headers Helmet sets for `options`, computed once: they are the same for every answer. */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Helmet's headers on every answer, built once at start (`@fastify/helmet` rebuilt Helmet's
 * middleware, CSP parsing included, on every request). Answers carry tokens and user data:
 * `Cache-Control: no-store` everywhere but the docs assets.
 */
export function registerSecurityHeaders(app: NestFastifyApplication): void {
  const headers = helmetHeaders();
  const noStore = { ...headers, 'cache-control': 'no-store' };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.headers(request.url.startsWith('/docs') ? headers : noStore);
      done();
    });
}
