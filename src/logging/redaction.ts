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
