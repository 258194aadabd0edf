import { RunningEmulator, startEmulator } from '@app/descope-emulator';
import { request } from 'node:http';

/** An answer read whole: status and body text. */
export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * A request to 127.0.0.1:`port` with exactly these headers (fetch would set Host, Origin and the
 * Sec-Fetch headers itself): for tests that play a hostile client.
 */
export const rawRequest = (
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

/** An emulator on a free port, with raw requests to it and the checks attack tests share. */
export interface RawEmulator {
  emulator: RunningEmulator;
  port: number;
  send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<RawAnswer>;
  /** Its own Host: `127.0.0.1:<port>`. */
  own(): string;
  /** How many users it has, read from the admin route. */
  userCount(): Promise<number>;
}

export async function startRawEmulator(): Promise<RawEmulator> {
  const emulator = await startEmulator();
  const port = Number(new URL(emulator.baseUrl).port);
  const own = () => `127.0.0.1:${port}`;
  const send: RawEmulator['send'] = (method, path, headers, body) =>
    rawRequest(port, method, path, headers, body);
  const userCount = async () =>
    (JSON.parse((await send('GET', '/emulator/users', { host: own() })).body) as { users: [] })
      .users.length;
  return { emulator, port, send, own, userCount };
}
