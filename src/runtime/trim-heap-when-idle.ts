import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { IdleHeapTrimmer, lastResortGc } from './idle-heap-trim';

const MB = 1024 * 1024;

/**
 * Trims the heap of `server`'s process once no request has been in flight for `idleMs` (see
 * IdleHeapTrimmer); `0` turns it off. A trim that fails is logged and the trim turned off: it must
 * never take the service down. Answers a function that stops it.
 */
export function trimHeapWhenIdle(server: Server, idleMs: number): () => void {
  if (idleMs <= 0) return () => undefined;
  const logger = new Logger('HeapTrim');
  let trimmer: IdleHeapTrimmer;
  try {
    trimmer = new IdleHeapTrimmer(lastResortGc(), () => process.memoryUsage.rss(), {
      idleMs,
      growthBytes: 64 * MB,
    });
  } catch (error) {
    logger.warn(`Heap trim unavailable on this Node: ${String(error)}`);
    return () => undefined;
  }
  const onRequest = (_request: unknown, response: NodeJS.EventEmitter) =>
    response.once('close', trimmer.started());
  server.on('request', onRequest);
  const stop = () => (clearInterval(timer), server.off('request', onRequest));
  const tick = async () => {
    const before = process.memoryUsage.rss();
    const started = performance.now();
    if (!(await trimmer.tick())) return;
    const after = process.memoryUsage.rss();
    logger.debug(
      `Idle: ${Math.round(before / MB)} MB -> ${Math.round(after / MB)} MB in ${Math.round(performance.now() - started)} ms`,
    );
  };
  const timer = setInterval(
    () =>
      void tick().catch((error: unknown) => {
        logger.warn(`Heap trim failed, turned off: ${String(error)}`);
        stop();
      }),
    Math.max(100, Math.min(idleMs / 4, 1000)),
  );
  timer.unref();
  return stop;
}
