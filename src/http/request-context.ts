import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Failure } from '../problems/classify-failure';

/**
 * What one request's layers learn about it, in one typed place (rather than properties left on
 * the raw request): made when the request arrives, bound as the async context of everything it
 * runs (so every line logged meanwhile names it), read by its log line, its metrics, the route
 * effects and the audit.
 */
export class RequestContext {
  /** The error the request failed with, classified once (set by ProblemFilter). */
  failure?: Failure;
  /** The user the request was about, once known (from the answer or the token). */
  userId?: string;
  /** The caller's own `x-request-id`, logged beside the service's (see adoptRequestId). */
  clientRequestId?: string;
  /**
   * The answer was the route's one failure answer (HidesAccounts): its cause (unknown user,
   * locked code) goes to the audit line only, never to a metric label.
   */
  accountHidden = false;

  constructor(
    readonly requestId: string,
    /** The route pattern (`/v1/otp/verify/:method`); undefined when no route matched. */
    readonly routePattern: string | undefined,
    /** `performance.now()` when the request arrived. */
    readonly startedAt: number,
  ) {}
}

type WithContext = FastifyRequest & { requestContext: RequestContext | null };

/** The running request's context, for code that has no request at hand (pino's mixin). */
export const activeContext = new AsyncLocalStorage<RequestContext>();

/** Gives every request a slot for its context, so setting it keeps the request's shape. */
export function decorateRequestContext(fastify: FastifyInstance): void {
  fastify.decorateRequest('requestContext', null);
}

/** The request's context, made on first use (the logging hook's `onRequest`, in the app). */
export function contextOf(request: FastifyRequest): RequestContext {
  const holder = request as WithContext;
  return (holder.requestContext ??= new RequestContext(
    request.id,
    request.routeOptions.url,
    performance.now(),
  ));
}
