import { IncomingMessage } from 'node:http';
import { EmulatorErrors } from './errors';

/**
 * Reads a request's JSON object body. No body reads as `{}` (the SDK's GETs send none);
 * anything over the limit, not JSON, or not an object is a Descope-shaped error.
 */
export async function readJsonBody(
  request: IncomingMessage,
  limitBytes: number,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) {
      throw EmulatorErrors.bodyTooLarge();
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw EmulatorErrors.invalidRequest('The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw EmulatorErrors.invalidRequest('The body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
