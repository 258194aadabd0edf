/** Why a parsed JSON body is refused before validation sees it, or `undefined` when it is fine. */
export type BodyFault = 'not-an-object' | 'too-deep' | 'not-well-formed';

/**
 * Walks a parsed body without recursion (class-transformer recurses without a depth limit and
 * overflows the stack on a few thousand nested arrays) and checks that it is an object, nested
 * at most `maxDepth` levels, and that every key and string is well-formed Unicode (a lone
 * surrogate makes the email validator throw).
 */
export function bodyFault(body: unknown, maxDepth: number): BodyFault | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not-an-object';
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return 'not-well-formed';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return 'too-deep';
    for (const [key, item] of Object.entries(value)) {
      if (!key.isWellFormed()) return 'not-well-formed';
      stack.push([item, depth + 1]);
    }
  }
  return undefined;
}
