import { INestApplication, Logger } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: stop accepting (Fastify answers 503 to requests that still arrive on
 * open connections), let requests in flight finish for at most `graceMs`, then close Redis and the
 * embedded emulator (their shutdown hooks run after the server has closed) and exit 0. Past the
 * grace period the process exits anyway, saying so.
 */
export function exitGracefullyOnSignals(app: INestApplication, graceMs: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: no new requests; waiting up to ${graceMs} ms for those in flight`);
    // A keep-alive connection whose request finishes after close() began would stay open
    // (Node closes only the connections idle at that moment): close them as they go idle.
    const server = app.getHttpServer() as { closeIdleConnections?: () => void };
    const sweep = setInterval(() => server.closeIdleConnections?.(), 100);
    const timer = setTimeout(() => {
      logger.warn(`Requests still in flight after ${graceMs} ms (SHUTDOWN_GRACE_MS): exiting`);
      process.exit(0);
    }, graceMs);
    try {
      await app.close();
      logger.log('Stopped');
    } catch (error) {
      logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
      clearInterval(sweep);
      process.exit(0);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => void stop(signal));
}
