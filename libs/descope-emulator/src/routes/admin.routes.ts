import { EmulatorContext } from '../context';
import { EmulatorErrors } from '../errors';
import { EmulatorRequest, route, Route } from '../route';
import { applyState, exportState } from '../state-file';

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

/** The whole state (users with password hashes and TOTP seeds, private keys): local use only. */
const exportStateRoute = (_request: EmulatorRequest, context: EmulatorContext) =>
  exportState(context);

/** Replaces the state with an exported one; a foreign or broken one changes nothing (400). */
function importStateRoute({ body }: EmulatorRequest, context: EmulatorContext) {
  const refused = applyState(body, context);
  if (refused) throw EmulatorErrors.invalidRequest(`Not imported: ${refused}`);
  return { imported: true };
}

const rotateKeys = ({ query }: EmulatorRequest, context: EmulatorContext) =>
  context.keys.rotate(query.get('drop') === 'true');

/** Emulator-only routes: never on real Descope, never on the service. */
export const adminRoutes: Route[] = [
  route('GET', '/emulator/outbox', outbox, 'admin'),
  route('DELETE', '/emulator/outbox', clearOutbox, 'admin'),
  route('POST', '/emulator/keys/rotate', rotateKeys, 'admin'),
  route('GET', '/emulator/state', exportStateRoute, 'admin'),
  route('POST', '/emulator/state', importStateRoute, 'admin'),
  route('GET', '/emulator/stats', stats, 'admin'),
];
