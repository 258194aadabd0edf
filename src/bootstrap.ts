import fastifyCookie from '@fastify/cookie';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { DescopeTarget, resolveDescopeTarget } from './config/descope-target';
import { docsEnabled, EnvironmentVariables, validateEnvironment } from './config/env.validation';
import { MetricsService } from './metrics/metrics.service';
import { registerCors } from './http/cors';
import { createAdapter } from './http/fastify-adapter';
import { FrameworkRefusals } from './http/framework-refusals';
import { acceptJsonOnly } from './http/json-body';
import { registerSecurityHeaders } from './http/security-headers';
import { registerRequestLogging } from './logging/request-logging';
import { setupSwagger } from './swagger';

/** App-wide setup shared by `main.ts` and the e2e tests: JSON only, metrics, cookies, the API docs. */
export async function configureApp(
  app: NestFastifyApplication,
  config: EnvironmentVariables,
  refusals?: FrameworkRefusals,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonOnly(fastify, config.JSON_MAX_DEPTH);
  const metrics = app.get(MetricsService);
  registerRequestLogging(
    fastify,
    () => PinoLogger.root,
    (method, route, status, ms) => metrics.observe(method, route, status, ms),
    refusals,
  );
  await app.register(fastifyCookie);
  registerSecurityHeaders(app);
  await registerCors(app, config);
  if (docsEnabled(config)) setupSwagger(app);
}

/**
 * Validates the environment, starts the embedded emulator when no Descope project is set,
 * and builds the configured app (not yet listening).
 */
export async function createApp(
  env: Record<string, string | undefined> = process.env,
  options: { logDestination?: DestinationStream } = {},
): Promise<{ app: NestFastifyApplication; config: EnvironmentVariables; target: DescopeTarget }> {
  const config = validateEnvironment(env);
  // Held until the app's pino logger exists, like Nest's own start-up lines (bufferLogs).
  NestLogger.attachBuffer();
  const target = await resolveDescopeTarget(config);
  const refusals = new FrameworkRefusals();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, target, options.logDestination),
    createAdapter(config, refusals),
    // No body parsers from Nest: configureApp registers JSON, and nothing else, itself.
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  await configureApp(app, config, refusals);
  return { app, config, target };
}
