import { EmulatorContext } from '../context';
import { parseFault } from '../faults';
import { EmulatorRequest, Reply, route, Route } from '../route';
import { readSettings, writeSettings } from '../settings';

/** Live refresh tokens, of one user (`?userId=`) or all, newest first. */
function sessions({ query }: EmulatorRequest, context: EmulatorContext) {
  const live = context.refreshTokens.listLive(query.get('userId') || undefined);
  return { sessions: live.sort((a, b) => b.exp - a.exp) };
}

function revokeSession({ params }: EmulatorRequest, context: EmulatorContext) {
  context.refreshTokens.revoke({ jti: params.jti });
  return {};
}

function revokeUserSessions({ params }: EmulatorRequest, context: EmulatorContext) {
  context.refreshTokens.revokeAll(params.userId);
  return {};
}

/** Signing keys in service, newest (the one signing) first; never their private halves. */
function keys(_request: EmulatorRequest, context: EmulatorContext) {
  const saved = context.keys.exportKeys();
  return {
    alg: context.keys.alg,
    keys: saved.map(({ kid, retiresAt }, index) => ({ kid, current: index === 0, retiresAt })),
  };
}

function updateSettings({ body }: EmulatorRequest, context: EmulatorContext) {
  writeSettings(body, context);
  return readSettings(context);
}

const faults = (_request: EmulatorRequest, context: EmulatorContext) => ({
  faults: context.faults.list(),
});

const addFault = ({ body }: EmulatorRequest, context: EmulatorContext) =>
  new Reply(201, { fault: context.faults.add(parseFault(body)) });

function clearFaults({ params }: EmulatorRequest, context: EmulatorContext) {
  context.faults.remove(params.id);
  return {};
}

/** Sessions, keys, run-time settings and injected faults: the UI's and tests' controls. */
export const adminSystemRoutes: Route[] = [
  route('GET', '/emulator/sessions', sessions, 'admin'),
  route('DELETE', '/emulator/sessions/:jti', revokeSession, 'admin'),
  route('DELETE', '/emulator/users/:userId/sessions', revokeUserSessions, 'admin'),
  route('GET', '/emulator/keys', keys, 'admin'),
  route('GET', '/emulator/settings', (_r, context) => readSettings(context), 'admin'),
  route('POST', '/emulator/settings', updateSettings, 'admin'),
  route('GET', '/emulator/faults', faults, 'admin'),
  route('POST', '/emulator/faults', addFault, 'admin'),
  route('DELETE', '/emulator/faults', clearFaults, 'admin'),
  route('DELETE', '/emulator/faults/:id', clearFaults, 'admin'),
];
