import fastifyHelmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Helmet's headers on every answer. The CSP is Helmet's default, which Swagger UI at /docs
 * works under (its scripts are files; it needs only inline styles and data: images), less
 * `upgrade-insecure-requests`, which would break the UI on a plain-http development port.
 * Answers carry tokens and user data: `Cache-Control: no-store` everywhere but the docs assets.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'upgrade-insecure-requests': null, 'frame-ancestors': ["'none'"] },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (!request.url.startsWith('/docs')) void reply.header('cache-control', 'no-store');
      done();
    });
}
