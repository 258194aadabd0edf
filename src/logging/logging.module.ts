import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { EnvironmentVariables } from '../config/env.validation';
import { pinoHttpOptions, wantsPretty } from './log-options';

/**
 * nestjs-pino over every route (under Fastify it covers only `/` unless told otherwise), to
 * stdout or to `destination` (tests capture the lines there).
 */
export function loggingModule(
  config: EnvironmentVariables,
  destination?: DestinationStream,
): DynamicModule {
  const options = pinoHttpOptions(config, !destination && wantsPretty(config));
  return LoggerModule.forRoot({
    pinoHttp: destination ? [options, destination] : options,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  });
}
