import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a log line is written for. Bound by a Fastify hook for the whole request
 * (see request-logging.ts) and read by pino's `mixin`, so every line logged while a request
 * runs names it, without building a child logger per request.
 */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** pino's mixin: the running request's id, if any. */
export const requestIdMixin = (): { requestId?: string } => {
  const store = requestContext.getStore();
  return store ? { requestId: store.requestId } : {};
};
