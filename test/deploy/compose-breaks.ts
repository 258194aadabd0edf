import type { ComposeContext } from './compose-checks';

/* Broken copies of docker-compose.yml (and of the shell it is started from), each with the
 * problem line its check must print. */

const env = (file: any, service: string): Record<string, string> =>
  file.services[service].environment;

export const COMPOSE_BREAKS: [string, (file: any, context: ComposeContext) => void, string][] = [
  ['a replica is missing', (f) => delete f.services['auth-2'], 'no service auth-2'],
  [
    'the replicas use different secrets',
    (f) => (env(f, 'auth-2').DEVICE_TOKEN_SECRET = '${OTHER:?x}'),
    'share one required',
  ],
  [
    'the secret has a default',
    (f) =>
      ['auth-1', 'auth-2'].forEach(
        (s) => (env(f, s).DEVICE_TOKEN_SECRET = '${DEVICE_TOKEN_SECRET:-x}'),
      ),
    'share one required',
  ],
  [
    'the secret is not set in the shell',
    (_f, c) => delete c.shell.DEVICE_TOKEN_SECRET,
    'DEVICE_TOKEN_SECRET is required',
  ],
  [
    'the secret is too short',
    (_f, c) => (c.shell.DEVICE_TOKEN_SECRET = 'short'),
    'the service refuses this environment',
  ],
  ['a replica has no Redis', (f) => delete env(f, 'auth-2').REDIS_URL, 'auth-2: REDIS_URL is not'],
  [
    'a key is unknown',
    (f) => (env(f, 'auth-1').REDIS_HOST = 'redis'),
    'auth-1: REDIS_HOST is not read by the service',
  ],
  [
    'NODE_ENV is development',
    (f) => (env(f, 'auth-1').NODE_ENV = 'development'),
    'auth-1: NODE_ENV is not production',
  ],
  [
    'a replica listens on loopback',
    (f) => (env(f, 'auth-2').HOST = '127.0.0.1'),
    'auth-2: HOST is not 0.0.0.0',
  ],
  [
    'the project ids differ',
    (f) => (env(f, 'emulator').EMULATOR_PROJECT_ID = 'P2Other'),
    "DESCOPE_PROJECT_ID is not the emulator's",
  ],
  [
    'the base URL misses the emulator',
    (f) => (env(f, 'auth-1').DESCOPE_BASE_URL = 'http://localhost:4500'),
    "DESCOPE_BASE_URL is not the emulator's",
  ],
  [
    'a replica has no healthcheck',
    (f) => delete f.services['auth-1'].healthcheck,
    'auth-1: no healthcheck',
  ],
  [
    'a replica does not wait for health',
    (f) => (f.services['auth-2'].depends_on = ['redis', 'emulator']),
    'does not wait for redis',
  ],
  [
    'stop_grace_period is too short',
    (f) => (f.services['auth-1'].stop_grace_period = '10s'),
    'stop_grace_period does not exceed',
  ],
  [
    'a replica uses another image',
    (f) => (f.services['auth-2'].image = 'other'),
    'auth-2: not built as the one service image',
  ],
  [
    'the emulator runs the service',
    (f) => (f.services.emulator.command = ['node', 'dist/src/main.js']),
    'emulator: command starts `node`',
  ],
  [
    'the emulator is built as the service',
    (f) => delete f.services.emulator.build.target,
    "emulator: not built from the Dockerfile's emulator stage",
  ],
  [
    'the emulator has the service image tag',
    (f) => (f.services.emulator.image = f.services['auth-1'].image),
    'emulator: tagged as the service image',
  ],
  [
    'the emulator is published on every interface',
    (f) => (f.services.emulator.ports = ['4500:4500']),
    'emulator: published beyond this machine',
  ],
  [
    'the emulator binds loopback',
    (f) => (env(f, 'emulator').EMULATOR_HOST = '127.0.0.1'),
    'EMULATOR_HOST is not 0.0.0.0',
  ],
  [
    'an emulator key is unknown',
    (f) => (env(f, 'emulator').EMULATOR_TTL = '60'),
    'EMULATOR_TTL is not read by the emulator',
  ],
  ['redis has no healthcheck', (f) => delete f.services.redis.healthcheck, 'redis: no healthcheck'],
  [
    'redis keeps nothing across a restart',
    (f) => (f.services.redis.command = ['redis-server', '--save', '', '--appendonly', 'no']),
    'redis: no append-only file',
  ],
];
