import fastifyCookie from '@fastify/cookie';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { resolveDescopeTarget } from './config/descope-target';
import { EnvironmentVariables, validateEnvironment } from './config/env.validation';
import { MetricsService } from './metrics/metrics.service';
import { registerCors } from './http/cors';
import { createAdapter } from './http/fastify-adapter';
import { acceptJsonOnly } from './http/json-body';
import { registerSecurityHeaders } from './http/security-headers';
import { setupSwagger } from './swagger';

/** App-wide setup shared by `main.ts` and the e2e tests: JSON only, metrics, cookies, the API docs. */
export async function configureApp(
  app: NestFastifyApplication,
  config: EnvironmentVariables,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonOnly(fastify, config.JSON_MAX_DEPTH);
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime);
    done();
  });
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  await registerCors(app, config);
  setupSwagger(app);
}

/**
 * Validates the environment, starts the embedded emulator when no Descope project is set,
 * and builds the configured app (not yet listening).
 */
export async function createApp(
  env: Record<string, string | undefined> = process.env,
  options: { logger?: false | LoggerService } = {},
): Promise<{ app: NestFastifyApplication; config: EnvironmentVariables }> {
  const config = validateEnvironment(env);
  const target = await resolveDescopeTarget(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, target),
    createAdapter(config),
    // No body parsers from Nest: configureApp registers JSON, and nothing else, itself.
    { logger: options.logger, abortOnError: false, bodyParser: false },
  );
  await configureApp(app, config);
  return { app, config };
}
