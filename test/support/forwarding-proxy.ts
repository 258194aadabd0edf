import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * What a proxy does with a request before forwarding it: answer it itself (return `true`), or
 * hold it (return a promise); anything else forwards it at once.
 */
export type Intercept = (
  incoming: IncomingMessage,
  outgoing: ServerResponse,
) => boolean | void | Promise<void>;

/** A proxy in front of `target` (the emulator), to put faults or delays on the wire. */
export async function startProxy(target: string, intercept: Intercept = () => false) {
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      if ((await intercept(incoming, outgoing)) === true) return;
      const upstream = request(`${target}${incoming.url}`, {
        method: incoming.method,
        headers: incoming.headers,
      });
      upstream.on('response', (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      upstream.on('error', () => outgoing.destroy());
      incoming.pipe(upstream);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Forwards every request to `target`; those whose path starts with `slowPath` wait `delayMs`. */
export const startSlowProxy = (target: string, slowPath: string, delayMs: number) =>
  startProxy(target, (incoming) =>
    incoming.url?.startsWith(slowPath)
      ? new Promise<void>((resolve) => setTimeout(resolve, delayMs))
      : undefined,
  );
