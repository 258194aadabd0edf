import { validateEnvironment } from '../../src/config/env.validation';
import type { K8sFiles } from './deploy-files';
import { podOf, single } from './k8s-objects';

/** A Secret's values, from stringData or base64 data. */
function secretValues(secret: any): Record<string, string> {
  const decoded = Object.entries((secret.data ?? {}) as Record<string, string>).map(
    ([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')],
  );
  return { ...Object.fromEntries(decoded), ...secret.stringData };
}

/**
 * The container's environment: ConfigMap and Secret (example) keys the service really reads,
 * referenced by the names the Deployment uses, and together a configuration the service's own
 * validation accepts in production, behind a proxy, with shared limits.
 */
export function envProblems(k8s: K8sFiles, keys: Set<string>): string[] {
  const problems: string[] = [];
  const { container } = podOf(single(k8s, 'Deployment', problems));
  const configMap = single(k8s, 'ConfigMap', problems);
  const secret = single(k8s, 'Secret', problems);
  const settings = (configMap.data ?? {}) as Record<string, string>;
  const secrets = secretValues(secret);
  const sources = (container.envFrom ?? []) as any[];
  if (!sources.some((source) => source.configMapRef?.name === configMap.metadata?.name))
    problems.push(`envFrom does not read the ConfigMap ${configMap.metadata?.name}`);
  if (!sources.some((source) => source.secretRef?.name === secret.metadata?.name))
    problems.push(`envFrom does not read the Secret ${secret.metadata?.name}`);
  const named = [
    ...Object.keys(settings).map((key) => `ConfigMap key ${key}`),
    ...Object.keys(secrets).map((key) => `Secret key ${key}`),
    ...((container.env ?? []) as { name: string }[]).map(({ name }) => `env ${name}`),
  ];
  for (const entry of named)
    if (!keys.has(entry.split(' ').pop()!)) problems.push(`${entry} is not read by the service`);
  for (const key of Object.keys(secrets))
    if (key in settings) problems.push(`${key} is in both the ConfigMap and the Secret`);
  try {
    validateEnvironment({ ...settings, ...secrets });
  } catch (error) {
    problems.push(`the service refuses this environment: ${(error as Error).message}`);
  }
  if (settings.NODE_ENV !== 'production') problems.push('NODE_ENV is not production');
  if (!settings.TRUST_PROXY || settings.TRUST_PROXY === 'false')
    problems.push('TRUST_PROXY is off behind the ingress: every client would share its address');
  // A URL with a password may be in the Secret; a cluster or sentinels are set by their own keys.
  const all = { ...settings, ...secrets };
  if (!all.REDIS_URL && !all.REDIS_CLUSTER_NODES && !all.REDIS_SENTINELS)
    problems.push('REDIS_URL is unset: each replica would count on its own');
  return problems;
}
