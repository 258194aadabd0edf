import { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { EmulatorContext } from './context';
import { EmulatorErrors } from './errors';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const isLoopbackAddress = (address: string) =>
  address === '::1' || /^(::ffff:)?127\./.test(address);

/** The host name a request names (`Host`), without its port; `''` when there is none. */
function hostName(request: IncomingMessage): string {
  const host = (request.headers.host ?? '').toLowerCase();
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

const isLoopbackName = (name: string) =>
  LOOPBACK_NAMES.has(name) ||
  name.endsWith('.localhost') ||
  (isIP(name) === 4 && isLoopbackAddress(name));

/**
 * Who may use the UI and the admin routes (users, state with private keys, faults):
 * - only a loopback client naming a loopback host, unless `adminRemote` is set: another machine
 *   cannot reach them, and neither can a web page through DNS rebinding (its Host is its own name);
 * - never a browser request from another origin, `adminRemote` or not: a page on another site (or
 *   on another local port) cannot post to them, since browsers send `Origin` and `Sec-Fetch-Site`
 *   with such requests. curl and test code send neither, and are let through. A link followed
 *   to the page (a GET navigation) is let through: the page it opens cannot be read by the other
 *   site, and its own requests are same-origin.
 */
export function checkAdmin(request: IncomingMessage, context: EmulatorContext): void {
  if (!context.options.adminRemote) {
    if (!isLoopbackAddress(request.socket.remoteAddress ?? '')) {
      throw EmulatorErrors.adminRefused('The emulator admin answers this machine only');
    }
    if (!isLoopbackName(hostName(request))) {
      throw EmulatorErrors.adminRefused('The emulator admin answers only a localhost Host');
    }
  }
  const site = request.headers['sec-fetch-site'];
  const navigation = request.method === 'GET' && request.headers['sec-fetch-mode'] === 'navigate';
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !navigation) {
    throw EmulatorErrors.adminRefused('The emulator admin refuses requests from other sites');
  }
  const origin = request.headers.origin;
  const own = [`http://${request.headers.host ?? ''}`, `https://${request.headers.host ?? ''}`];
  if (origin !== undefined && !own.includes(origin)) {
    throw EmulatorErrors.adminRefused('The emulator admin refuses requests from other origins');
  }
}
