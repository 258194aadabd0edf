import { IncomingMessage } from 'node:http';
import { EmulatorErrors } from './errors';

/** Deepest nesting a body may have: Descope's bodies are a few levels deep; 20,000 levels would
 * overflow the stack when the value is written out again (a stored custom claim, a saved state). */
export const MAX_DEPTH = 32;

/** Whether `value` nests objects or arrays deeper than `max` (walked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

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
  if (nestedDeeperThan(body, MAX_DEPTH)) {
    throw EmulatorErrors.invalidRequest(`The body nests deeper than ${MAX_DEPTH} levels`);
  }
  return body as Record<string, unknown>;
}
