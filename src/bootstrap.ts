import fastifyCookie from '@fastify/cookie';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { AuditLog } from './audit/audit-log';
import { AUDIT_CONFIG_KEY } from './audit/audited.decorator';
import { DescopeTarget, resolveDescopeTarget } from './config/descope-target';
import { docsEnabled, EnvironmentVariables, validateEnvironment } from './config/env.validation';
import { MetricsService } from './metrics/metrics.service';
import { registerCors } from './http/cors';
import { createAdapter } from './http/fastify-adapter';
import { acceptJsonOnly } from './http/json-body';
import { contextOf } from './http/request-context';
import { hookRoutesWith } from './http/route-config';
import { registerSecurityHeaders } from './http/security-headers';
import { registerRequestLogging } from './logging/request-logging';
import { setupSwagger } from './swagger';
import { registerTokenDelivery } from './tokens/issues-tokens';
import { TokenCookies } from './tokens/token-cookies';

/** App-wide setup shared by `main.ts` and the e2e tests: JSON only, metrics, cookies, the API docs. */
export async function configureApp(
  app: NestFastifyApplication,
  config: EnvironmentVariables,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonOnly(fastify, config.JSON_MAX_DEPTH);
  const metrics = app.get(MetricsService);
  const audit = app.get(AuditLog);
  registerRequestLogging(
    fastify,
    () => PinoLogger.root,
    (request, status, ms) =>
      metrics.observe(request.method, contextOf(request).routePattern, status, ms),
  );
  // The audit event when the answer is decided (onSend), so a client that hangs up before a slow
  // failure answer still leaves its attempt in the audit trail. Only `@Audited` routes run it.
  hookRoutesWith(fastify, AUDIT_CONFIG_KEY, 'onSend', (request, reply, payload, done) => {
    audit.record(request, reply);
    done(null, payload);
  });
  registerTokenDelivery(fastify, app.get(TokenCookies));
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
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, target, options.logDestination),
    createAdapter(config),
    // No body parsers from Nest: configureApp registers JSON, and nothing else, itself.
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  await configureApp(app, config);
  return { app, config, target };
}
