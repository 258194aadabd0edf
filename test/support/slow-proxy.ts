import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** Forwards every request to `target`; those whose path starts with `slowPath` wait `delayMs`. */
export async function startSlowProxy(target: string, slowPath: string, delayMs: number) {
  const server: Server = createServer((incoming, outgoing) => {
    const forward = () => {
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
    };
    if (incoming.url?.startsWith(slowPath)) setTimeout(forward, delayMs);
    else forward();
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
