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
