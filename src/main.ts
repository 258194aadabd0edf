import { tuneV8 } from './runtime/v8-tuning';
tuneV8();
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { createApp } from './bootstrap';
import { ConfigurationError } from './config/config-rules';
import { trimHeapWhenIdle } from './runtime/trim-heap-when-idle';
import { ManagementServer } from './management/management-server';
import { exitGracefullyOnSignals } from './shutdown';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { app, config } = await createApp();
  exitGracefullyOnSignals(app, config.SHUTDOWN_GRACE_MS);
  await app.listen(config.PORT, config.HOST);
  await app.get(ManagementServer).listen();
  trimHeapWhenIdle(app.getHttpServer(), config.HEAP_TRIM_IDLE_MS);
  new Logger('Bootstrap').log(`Listening on ${await app.getUrl()} (API docs at /docs)`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigurationError ? error.message : `Failed to start: ${String(error)}`;
  console.error(message);
  process.exit(1);
});
