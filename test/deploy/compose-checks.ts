import { validateEnvironment } from '../../src/config/env.validation';

/** What the compose checks compare the file with. */
export interface ComposeContext {
  /** Variables `docker compose` would interpolate from the shell. */
  shell: Record<string, string>;
  serviceKeys: Set<string>;
  emulatorKeys: Set<string>;
  scripts: Record<string, string>;
}

const REPLICAS = ['auth-1', 'auth-2'];

/** An `environment:` block as a map, whether written as a map or as `KEY=value` lines. */
function envOf(service: any): Record<string, string> {
  const env = service?.environment ?? {};
  if (!Array.isArray(env))
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries((env as string[]).map((line) => line.split(/=(.*)/s).slice(0, 2)));
}

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?message}` (the last fails when unset). */
export function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g,
    (_all, name: string, op = '', arg = '') => {
      const set = shell[name] !== undefined && (shell[name] !== '' || !op.startsWith(':'));
      if (set) return shell[name];
      if (op.endsWith('?')) throw new Error(`${name} is required: ${arg}`);
      return op.endsWith('-') ? arg : '';
    },
  );
}

/** A compose duration (`15s`, `1m30s`, `500ms`) in milliseconds. */
export function durationMs(value: unknown): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  const parts = [...String(value).matchAll(/(\d+(?:\.\d+)?)(ms|us|h|m|s)/g)];
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * units[unit], 0);
}

/** Every problem found in docker-compose.yml, one line each. */
export function composeProblems(compose: any, context: ComposeContext): string[] {
  const services = (compose?.services ?? {}) as Record<string, any>;
  const problems = [...REPLICAS, 'redis', 'emulator']
    .filter((name) => !services[name])
    .map((name) => `no service ${name}`);
  const emulator = services.emulator ?? {};
  const emulatorEnv = envOf(emulator);
  const image = services['auth-1']?.image;
  const secrets = new Set(REPLICAS.map((name) => envOf(services[name]).DEVICE_TOKEN_SECRET));
  if (secrets.size !== 1 || ![...secrets][0]?.startsWith('${DEVICE_TOKEN_SECRET:?'))
    problems.push('the replicas must share one required ${DEVICE_TOKEN_SECRET:?…} reference');
  for (const name of REPLICAS) {
    const service = services[name] ?? {};
    const env = envOf(service);
    const at = (problem: string) => problems.push(`${name}: ${problem}`);
    for (const key of Object.keys(env))
      if (!context.serviceKeys.has(key)) at(`${key} is not read by the service`);
    try {
      const resolved = Object.entries(env).map(([k, v]) => [k, interpolate(v, context.shell)]);
      validateEnvironment(Object.fromEntries(resolved));
    } catch (error) {
      at(`the service refuses this environment: ${(error as Error).message}`);
    }
    if (env.NODE_ENV !== 'production') at('NODE_ENV is not production');
    if (env.HOST !== '0.0.0.0') at('HOST is not 0.0.0.0: other containers cannot reach it');
    if (env.REDIS_URL !== 'redis://redis:6379') at('REDIS_URL is not redis://redis:6379');
    if (env.DESCOPE_PROJECT_ID !== emulatorEnv.EMULATOR_PROJECT_ID)
      at("DESCOPE_PROJECT_ID is not the emulator's EMULATOR_PROJECT_ID");
    if (env.DESCOPE_BASE_URL !== `http://emulator:${emulatorEnv.EMULATOR_PORT}`)
      at("DESCOPE_BASE_URL is not the emulator's address");
    if (service.image !== image || !service.build) at('not built as the one service image');
    if (!/\/health\/(ready|live)/.test(JSON.stringify(service.healthcheck?.test ?? '')))
      at('no healthcheck on /health/ready or /health/live');
    for (const dependency of ['redis', 'emulator'])
      if (service.depends_on?.[dependency]?.condition !== 'service_healthy')
        at(`does not wait for ${dependency} to be healthy`);
    if (durationMs(service.stop_grace_period ?? '10s') <= Number(env.SHUTDOWN_GRACE_MS ?? 10000))
      at('stop_grace_period does not exceed SHUTDOWN_GRACE_MS');
  }
  return [
    ...problems,
    ...emulatorProblems(emulator, emulatorEnv, image, context),
    ...redisProblems(services.redis),
  ];
}

function emulatorProblems(
  emulator: any,
  env: Record<string, string>,
  image: string,
  { emulatorKeys }: ComposeContext,
): string[] {
  const problems: string[] = [];
  if (emulator.build?.target !== 'emulator')
    problems.push("emulator: not built from the Dockerfile's emulator stage (target: emulator)");
  if (!emulator.image || emulator.image === image)
    problems.push('emulator: tagged as the service image: each build would overwrite the other');
  // The image's ENTRYPOINT starts the emulator; a command may only add flags.
  const command = [emulator.command ?? []].flat().map(String);
  if (command.length && !command[0].startsWith('-'))
    problems.push(`emulator: command starts \`${command[0]}\`: give the emulator's flags only`);
  for (const key of Object.keys(env))
    if (!emulatorKeys.has(key)) problems.push(`emulator: ${key} is not read by the emulator`);
  if (env.EMULATOR_HOST !== '0.0.0.0') problems.push('emulator: EMULATOR_HOST is not 0.0.0.0');
  if (!emulator.healthcheck?.test) problems.push('emulator: no healthcheck');
  const published = [emulator.ports ?? []].flat().map(String);
  if (published.some((port) => !port.startsWith('127.0.0.1:')))
    problems.push('emulator: published beyond this machine (publish as 127.0.0.1:4500:4500)');
  return problems;
}

function redisProblems(redis: any): string[] {
  const problems: string[] = [];
  if (!String(redis?.image).startsWith('redis:7')) problems.push('redis: not a redis:7 image');
  if (!redis?.healthcheck?.test) problems.push('redis: no healthcheck');
  if (!/--appendonly yes/.test([redis?.command ?? []].flat().join(' ')))
    problems.push(
      'redis: no append-only file (--appendonly yes): a restart would forget every count',
    );
  return problems;
}
