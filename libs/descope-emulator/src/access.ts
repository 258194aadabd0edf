import { IncomingMessage } from 'node:http';
import { EmulatorContext } from './context';
import { EmulatorErrors } from './errors';
import { Route } from './route';

/** The Authorization header's parts: `Bearer <projectId>[:<jwt>][:<key>]`. */
function bearerParts(request: IncomingMessage): string[] {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).split(':') : [];
}

/** Checks the caller may use the route's scope; returns the refresh JWT, if one was sent. */
export function authorize(route: Route, request: IncomingMessage, context: EmulatorContext) {
  if (route.scope === 'open' || route.scope === 'admin') return undefined;
  const [projectId, ...rest] = bearerParts(request);
  if (projectId !== context.options.projectId) {
    throw EmulatorErrors.unauthorized('Missing or unknown project id in Authorization');
  }
  if (route.scope === 'management') {
    const key = rest.join(':');
    const expected = context.options.managementKey;
    if (!key || (expected !== undefined && key !== expected)) {
      throw EmulatorErrors.unauthorized('A valid management key is required');
    }
    return undefined;
  }
  return rest.find((part) => part.split('.').length === 3);
}

/** Descope's per-client-IP rate limit, when `ipRateLimit` turns it on: 429 E130429. */
export function limitPerIp(request: IncomingMessage, context: EmulatorContext): void {
  const ip = request.socket.remoteAddress ?? '';
  const wait = context.requestsPerIp.retryAfter(ip);
  if (wait) throw EmulatorErrors.rateLimited(wait);
  context.requestsPerIp.hit(ip);
}
