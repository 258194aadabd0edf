import { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkAdmin } from './admin-access';
import { authorize, limitPerIp } from './access';
import { EmulatorContext } from './context';
import { toCookieMode } from './cookie-mode';
import { EmulatorErrors } from './errors';
import { readJsonBody } from './json-body';
import { PageReply, Reply } from './route';
import { RouteTable } from './route-table';
import { unsupportedFamily } from './unsupported';
import { adminSystemRoutes } from './routes/admin-system.routes';
import { adminUserRoutes } from './routes/admin-users.routes';
import { adminRoutes } from './routes/admin.routes';
import { managementUserRoutes } from './routes/management-user.routes';
import { managementRoutes } from './routes/management.routes';
import { otpUpdateRoutes } from './routes/otp-update.routes';
import { otpRoutes } from './routes/otp.routes';
import { passwordRoutes } from './routes/password.routes';
import { sessionRoutes } from './routes/session.routes';
import { totpRoutes } from './routes/totp.routes';
import { uiRoutes } from './routes/ui.routes';

const routes = new RouteTable([
  ...passwordRoutes,
  ...otpRoutes,
  ...otpUpdateRoutes,
  ...totpRoutes,
  ...sessionRoutes,
  ...managementUserRoutes,
  ...managementRoutes,
  ...adminSystemRoutes,
  ...adminUserRoutes,
  ...adminRoutes,
  ...uiRoutes,
]);

/** What every UI and admin answer carries: never cached, never framed, never sniffed. */
const ADMIN_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/**
 * A fault injected for this request (faults.ts), if any: waits, then throws the chosen error,
 * or drops the connection (false: nothing is to be written).
 */
async function injectFault(request: IncomingMessage, path: string, context: EmulatorContext) {
  const fault = context.faults.take(request.method ?? 'GET', path);
  if (!fault) return true;
  // Unreferenced: a pending fault never keeps a closed emulator's process alive.
  if (fault.latencyMs) await sleep(fault.latencyMs, undefined, { ref: false });
  if (fault.drop) {
    request.socket.destroy();
    return false;
  }
  if (fault.status) throw EmulatorErrors.injected(fault.status, fault.retryAfterSeconds);
  return true;
}

/** One request's answer, or undefined when a fault dropped the connection. */
export async function handle(
  request: IncomingMessage,
  context: EmulatorContext,
): Promise<Reply | undefined> {
  const url = new URL(request.url ?? '/', 'http://emulator');
  const match = routes.match(request.method ?? 'GET', url.pathname);
  const admin = match?.route.scope === 'admin';
  if (admin) checkAdmin(request, context);
  else if (!(await injectFault(request, url.pathname, context))) return undefined;
  if (!match) throw EmulatorErrors.notFound(url.pathname, unsupportedFamily(url.pathname));
  const statKey = `${match.route.method} ${match.route.path}`;
  context.stats.set(statKey, (context.stats.get(statKey) ?? 0) + 1);
  if (match.route.scope !== 'open' && !admin) limitPerIp(request, context);
  const token = authorize(match.route, request, context);
  const body = await readJsonBody(request, context.options.bodyLimitBytes);
  const query = url.searchParams;
  const result = await match.route.handler(
    { path: url.pathname, params: match.params, query, body, token, headers: request.headers },
    context,
  );
  const reply = result instanceof Reply ? result : new Reply(200, result ?? {});
  if (admin) Object.assign(reply.headers, ADMIN_HEADERS);
  return context.options.sessionCookies && !admin ? toCookieMode(reply) : reply;
}

export const isPage = (reply: Reply): reply is PageReply => reply instanceof PageReply;
