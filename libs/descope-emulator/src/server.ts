import { createServer, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { createContext, EmulatorContext } from './context';
import { EmulatorOptions, resolveOptions } from './emulator-options';
import { SavedState } from './saved-state';
import { EmulatorError, EmulatorErrors } from './errors';
import { handle, isPage } from './handle';
import { Reply } from './route';

/** A running emulator. */
export interface RunningEmulator {
  /** `http://host:port`, to give the SDK as `baseUrl`. */
  baseUrl: string;
  projectId: string;
  /** The live state, for tests that need to reach behind the HTTP surface. */
  context: EmulatorContext;
  close(): Promise<void>;
}

function toReply(error: unknown): Reply {
  const known = error instanceof EmulatorError ? error : EmulatorErrors.internalError();
  return new Reply(known.status, known.toBody(), known.headers);
}

/** Writes a reply; one that cannot be written (a value JSON cannot hold) is the emulator's 500. */
function send(response: ServerResponse, reply: Reply): void {
  try {
    write(response, reply);
  } catch {
    if (response.headersSent) response.destroy();
    else write(response, toReply(undefined));
  }
}

function write(response: ServerResponse, reply: Reply): void {
  if (reply.status === 304) {
    response.writeHead(304, reply.headers).end();
    return;
  }
  const payload = isPage(reply) ? reply.text : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-type': isPage(reply) ? reply.contentType : 'application/json',
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
      (reply) => reply && send(response, reply),
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
