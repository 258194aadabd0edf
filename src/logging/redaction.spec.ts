import fc from 'fast-check';
import pino from 'pino';
import { Writable } from 'node:stream';
import { validateEnvironment } from '../config/env.validation';
import { pinoOptions } from './log-options';
import { redactDeep } from './redaction';

/** The secret field names the service and its callers use, in the spellings a log may carry. */
const SECRET_NAMES = [
  'password',
  'oldPassword',
  'newPassword',
  'code',
  'token',
  'sessionJwt',
  'refreshJwt',
  'jwt',
  'deviceToken',
  'managementKey',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'x-device-token',
  'DSR',
  'refresh_token',
  'client_secret',
  'apiKey',
  'DESCOPE_MANAGEMENT_KEY',
  'currentPassword',
  'otp',
];
const spellings = (name: string) =>
  fc.constantFrom(
    name,
    name.toUpperCase(),
    name.toLowerCase(),
    name.replace(/-/g, '_'),
    `${name} `,
    name.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // full width
  );
const secretKey = fc.constantFrom(...SECRET_NAMES).chain(spellings);
const plainKey = fc.constantFrom('user', 'loginId', 'detail', 'items', 'meta', 'status', 'x');

/** A random nested object whose secret values are `S3CR3T<n>` and other values `plain<n>`. */
const logged = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.nat().map((n) => `plain${n}`),
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
  object: fc
    .array(
      fc.oneof(
        fc.tuple(
          secretKey,
          fc.oneof(
            fc.nat().map((n) => `S3CR3T${n}`),
            tie('object'),
          ),
        ),
        fc.tuple(plainKey, tie('value')),
      ),
      { maxLength: 5 },
    )
    .map((entries) => Object.fromEntries(entries)),
})).object;

/** Every `S3CR3T…` string anywhere in `value`, however deep. */
const secretsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? value.startsWith('S3CR3T')
      ? [value]
      : []
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(secretsIn)
      : [];

describe('redaction at any depth', () => {
  it('logs none of the secret values of 1,000 random nested objects, through the app’s pino', () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const logger = pino(pinoOptions(validateEnvironment({}), false) as pino.LoggerOptions, sink);
    fc.assert(
      fc.property(logged, (object) => {
        output = '';
        logger.info({ context: 'Test', nested: object }, 'a line');
        for (const secret of secretsIn(object)) expect(output).not.toContain(`"${secret}"`);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps what is not secret, and the shape around it', () => {
    const line = { user: { loginId: 'ada@example.com', auth: [{ Password: 'p', id: 1 }] } };
    expect(redactDeep(line)).toEqual({
      user: { loginId: 'ada@example.com', auth: [{ Password: '[redacted]', id: 1 }] },
    });
    expect(line.user.auth[0].Password).toBe('p'); // the caller's object is not changed
    const plain = { a: { b: [1, 2] } };
    expect(redactDeep(plain)).toBe(plain); // nothing to censor: no copy
  });

  it('censors what toJSON prints, the fields of a nested Error, and shared sub-objects fast', () => {
    const printed = { toJSON: () => ({ token: 't', ok: 1 }) };
    expect(JSON.stringify(redactDeep({ printed }))).toBe(
      '{"printed":{"token":"[redacted]","ok":1}}',
    );
    const error = Object.assign(new TypeError('boom'), {
      config: { headers: { Authorization: 'a' } },
    });
    const censored = redactDeep({ cause: { response: error } }) as { cause: { response: any } };
    expect(censored.cause.response).toBeInstanceOf(TypeError);
    expect(censored.cause.response.message).toBe('boom');
    expect(censored.cause.response.config.headers.Authorization).toBe('[redacted]');
    expect(error.config.headers.Authorization).toBe('a');
    let shared: Record<string, unknown> = { secret: 's' };
    for (let i = 0; i < 10; i += 1) shared = { a: shared, b: shared, c: shared, d: shared };
    // 4^10 paths, 11 objects: walked once each (a walk per path takes about a second).
    const started = performance.now();
    let node = redactDeep({ shared }).shared as Record<string, unknown>;
    expect(performance.now() - started).toBeLessThan(1000);
    while (node.d) node = node.d as Record<string, unknown>;
    expect(node).toEqual({ secret: '[redacted]' });
  });

  it('leaves readable what only looks near a secret', () => {
    const line = { descopeCode: 'E062108', statusCode: 401, keys: 2, requestId: 'r' };
    expect(redactDeep(line)).toBe(line);
  });

  it('survives cycles and very deep objects', () => {
    const cyclic: Record<string, unknown> = { token: 't' };
    cyclic.self = cyclic;
    expect(redactDeep(cyclic)).toEqual({ token: '[redacted]', self: '[circular]' });
    let deep: Record<string, unknown> = { secret: 's' };
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    expect(JSON.stringify(redactDeep(deep))).not.toContain('"s"');
  });
});
