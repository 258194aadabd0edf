import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { EnvironmentVariables } from '../config/env.validation';
import { pinoOptions, wantsPretty } from './log-options';

/**
 * nestjs-pino as the app's logger, to stdout or to `destination` (tests capture the lines
 * there). Its HTTP middleware is mounted on no route: request lines and the request id of every
 * line come from Fastify hooks (request-logging.ts), at a fraction of a middleware's cost.
 */
export function loggingModule(
  config: EnvironmentVariables,
  destination?: DestinationStream,
): DynamicModule {
  const options = pinoOptions(config, !destination && wantsPretty(config));
  return LoggerModule.forRoot({
    pinoHttp: destination ? [options, destination] : options,
    forRoutes: [],
  });
}
