import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { createContext, EmulatorContext } from './context';
import { toCookieMode } from './cookie-mode';
import { EmulatorOptions, resolveOptions } from './emulator-options';
import { SavedState } from './saved-state';
import { EmulatorError, EmulatorErrors } from './errors';
import { readJsonBody } from './json-body';
import { Reply } from './route';
import { RouteTable } from './route-table';
import { authorize, limitPerIp } from './access';
import { unsupportedFamily } from './unsupported';
import { adminRoutes } from './routes/admin.routes';
import { managementUserRoutes } from './routes/management-user.routes';
import { managementRoutes } from './routes/management.routes';
import { otpUpdateRoutes } from './routes/otp-update.routes';
import { otpRoutes } from './routes/otp.routes';
import { passwordRoutes } from './routes/password.routes';
import { sessionRoutes } from './routes/session.routes';
import { totpRoutes } from './routes/totp.routes';

/** A running emulator. */
export interface RunningEmulator {
  /** `http://host:port`, to give the SDK as `baseUrl`. */
  baseUrl: string;
  projectId: string;
  /** The live state, for tests that need to reach behind the HTTP surface. */
  context: EmulatorContext;
  close(): Promise<void>;
}

const routes = new RouteTable([
  ...passwordRoutes,
  ...otpRoutes,
  ...otpUpdateRoutes,
  ...totpRoutes,
  ...sessionRoutes,
  ...managementUserRoutes,
  ...managementRoutes,
  ...adminRoutes,
]);

async function handle(request: IncomingMessage, context: EmulatorContext): Promise<Reply> {
  const url = new URL(request.url ?? '/', 'http://emulator');
  const match = routes.match(request.method ?? 'GET', url.pathname);
  if (!match) throw EmulatorErrors.notFound(url.pathname, unsupportedFamily(url.pathname));
  const statKey = `${match.route.method} ${match.route.path}`;
  context.stats.set(statKey, (context.stats.get(statKey) ?? 0) + 1);
  if (match.route.scope !== 'open') limitPerIp(request, context);
  const token = authorize(match.route, request, context);
  const body = await readJsonBody(request, context.options.bodyLimitBytes);
  const query = url.searchParams;
  const result = await match.route.handler(
    { path: url.pathname, params: match.params, query, body, token, headers: request.headers },
    context,
  );
  const reply = result instanceof Reply ? result : new Reply(200, result ?? {});
  return context.options.sessionCookies ? toCookieMode(reply) : reply;
}

function toReply(error: unknown): Reply {
  const known = error instanceof EmulatorError ? error : EmulatorErrors.internalError();
  return new Reply(known.status, known.toBody(), known.headers);
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.status === 304) {
    response.writeHead(304, reply.headers).end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  response.end(payload);
}

/**
 * Starts a Descope-compatible emulator on `options.port` (0: any free port) and resolves once
 * it listens. Each call has its own keys, users and outbox.
 *
 * @example
 * const emulator = await startEmulator();
 * const sdk = DescopeClient({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
 * // ...
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const context = createContext(resolved);
  const saved = resolved.dataDir ? new SavedState(resolved.dataDir, context) : undefined;
  const server = createServer((request, response) => {
    handle(request, context).then(
      (reply) => send(response, reply),
      (error: unknown) => send(response, toReply(error)),
    );
    if (request.method !== 'GET') response.once('finish', () => saved?.changed());
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  return {
    baseUrl: `http://${host}:${port}`,
    projectId: resolved.projectId,
    context,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        saved?.flush();
      }),
  };
}
