import { EmulatorContext } from '../context';
import { EmulatorRequest, route, Route } from '../route';

function stats(_request: EmulatorRequest, context: EmulatorContext) {
  const requests = Object.fromEntries(context.stats);
  return { requests, jwksFetches: requests['GET /v2/keys/:projectId'] ?? 0 };
}

/**
 * Messages, newest first, for `loginId` when given. A raw `+` in the query (as people type
 * `?loginId=+14155550100`) reads as a space in a query string; no login id has spaces, so a
 * space is read back as the `+` it was.
 */
const outbox = ({ query }: EmulatorRequest, context: EmulatorContext) => ({
  messages: context.outbox.list(query.get('loginId')?.replace(/ /g, '+') || undefined),
});

function clearOutbox(_request: EmulatorRequest, context: EmulatorContext) {
  context.outbox.clear();
  return {};
}

const rotateKeys = ({ query }: EmulatorRequest, context: EmulatorContext) =>
  context.keys.rotate(query.get('drop') === 'true');

/** Emulator-only routes: never on real Descope, never on the service. */
export const adminRoutes: Route[] = [
  route('GET', '/emulator/outbox', outbox, 'open'),
  route('DELETE', '/emulator/outbox', clearOutbox, 'open'),
  route('POST', '/emulator/keys/rotate', rotateKeys, 'open'),
  route('GET', '/emulator/stats', stats, 'open'),
];
