/**
 * What pino censors wherever it appears in a logged object. Request lines carry no headers or
 * bodies at all (see log-options.ts); this list catches anything logged by hand.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-device-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.oldPassword',
  '*.newPassword',
  '*.code',
  '*.token',
  '*.sessionJwt',
  '*.refreshJwt',
  '*.jwt',
  '*.deviceToken',
  '*.managementKey',
  '*.secret',
  'password',
  'code',
  'token',
  'sessionJwt',
  'refreshJwt',
  'deviceToken',
  'managementKey',
];

/**
 * Key names whose values are secrets, compared folded (NFKC, lower case, letters and digits
 * only: `X-Device-Token`, `refresh_token`, `Password `, a full-width `ｐａｓｓｗｏｒｄ`): any name
 * holding one of these words, or exactly one of the short ones (`code` alone, so `descopeCode`
 * and `statusCode` stay readable).
 */
const SECRET_WORDS = [
  'password',
  'passwd',
  'secret',
  'token',
  'jwt',
  'cookie',
  'authorization',
  'apikey',
  'privatekey',
  'managementkey',
];
const SECRET_NAMES = new Set(['code', 'otp', 'pin', 'ds', 'dsr', 'dt', 'key']);

const folded = (key: string) =>
  key
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function isSecretKey(key: string): boolean {
  const name = folded(key);
  return SECRET_NAMES.has(name) || SECRET_WORDS.some((word) => name.includes(word));
}

/** Below this depth a logged object is cut off rather than walked further. */
const MAX_DEPTH = 12;

/**
 * pino's `formatters.log` (it runs before the serializers): censors a secret key's value at any
 * depth of a logged object (pino's own redaction takes fixed paths, one wildcard level deep).
 * Objects with `toJSON` are walked as what they print; an Error keeps its class, with its own
 * fields censored. Copies only what it changes; cycles and objects deeper than MAX_DEPTH become
 * markers; a shared sub-object is walked once. About 0.5 µs for a request line.
 */
export function redactDeep(value: Record<string, unknown>): Record<string, unknown> {
  return new Walk().censored(value, 0) as Record<string, unknown>;
}

class Walk {
  private readonly path = new WeakSet<object>();
  private readonly done = new WeakMap<object, unknown>();

  censored(value: unknown, depth: number): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (Buffer.isBuffer(value) || value instanceof Date) return value;
    if (this.done.has(value)) return this.done.get(value);
    if (this.path.has(value)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[too deep]';
    this.path.add(value);
    try {
      const result = this.fields(value, depth);
      this.done.set(value, result);
      return result;
    } finally {
      this.path.delete(value);
    }
  }

  private fields(value: object, depth: number): unknown {
    const printed = (value as { toJSON?: unknown }).toJSON;
    if (typeof printed === 'function' && !(value instanceof Error)) {
      const shown: unknown = (printed as () => unknown).call(value);
      return shown === value ? value : this.censored(shown, depth);
    }
    if (Array.isArray(value)) {
      const items = value.map((item) => this.censored(item, depth + 1));
      return items.some((item, i) => item !== value[i]) ? items : value;
    }
    let changes: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = isSecretKey(key) ? '[redacted]' : this.censored(item, depth + 1);
      if (next !== item) (changes ??= {})[key] = next;
    }
    if (!changes) return value;
    if (!(value instanceof Error)) return { ...value, ...changes };
    // An Error stays one (pino's serializer reads its class, message and stack).
    const proto = Object.getPrototypeOf(value) as object;
    const copy = Object.assign(Object.create(proto) as Error, value);
    Object.defineProperties(copy, {
      message: { value: value.message },
      stack: { value: value.stack },
    });
    return Object.assign(copy as object, changes);
  }
}
