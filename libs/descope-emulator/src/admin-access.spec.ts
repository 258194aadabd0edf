import { IncomingMessage } from 'node:http';
import { checkAdmin } from './admin-access';
import { EmulatorContext } from './context';
import { resolveOptions } from './emulator-options';
import { EmulatorError } from './errors';

const request = (remoteAddress: string, headers: Record<string, string>) =>
  ({ method: 'GET', socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
const context = (adminRemote: boolean) =>
  ({ options: resolveOptions({ adminRemote }) }) as EmulatorContext;

/** Why checkAdmin refused, or undefined when it let the request in. */
function refusal(req: IncomingMessage, adminRemote = false): string | undefined {
  try {
    checkAdmin(req, context(adminRemote));
    return undefined;
  } catch (error) {
    return (error as EmulatorError).detail;
  }
}

/** Who reaches the UI and admin routes: the emulator's own machine unless told otherwise. */
describe('checkAdmin', () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.10'])('lets loopback %s in', (ip) => {
    expect(refusal(request(ip, { host: 'localhost:4500' }))).toBeUndefined();
  });

  it.each(['10.0.0.5', '::ffff:192.168.1.2', '172.17.0.1', 'fe80::1', ''])(
    'refuses %s, another machine (or a container bridge), by default',
    (ip) => {
      expect(refusal(request(ip, { host: 'localhost:4500' }))).toContain('this machine only');
    },
  );

  it('lets another machine in with adminRemote, naming any host, but never another origin', () => {
    const remote = { host: 'emulator:4500' };
    expect(refusal(request('172.17.0.1', remote), true)).toBeUndefined();
    const foreign = { ...remote, origin: 'http://evil.example' };
    expect(refusal(request('172.17.0.1', foreign), true)).toContain('other origins');
  });
});
