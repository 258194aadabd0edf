import type { K8sFiles } from './deploy-files';
import { envProblems } from './k8s-env';
import { podOf, single } from './k8s-objects';
import { wiringProblems } from './k8s-wiring';

/* What deploy/k8s must say, beyond the schema; each function returns one line per problem. */

/** Every problem found in deploy/k8s: kustomization, Deployment, environment, wiring. */
export function k8sProblems(k8s: K8sFiles, keys: Set<string>): string[] {
  const problems: string[] = [];
  const deployment = single(k8s, 'Deployment', problems);
  const configMap = single(k8s, 'ConfigMap', problems);
  const settings = (configMap.data ?? {}) as Record<string, string>;
  const all = [
    ...problems,
    ...kustomizationProblems(k8s),
    ...probeProblems(deployment, settings),
    ...securityProblems(deployment),
    ...shutdownProblems(deployment, Number(settings.SHUTDOWN_GRACE_MS ?? 10000)),
    ...envProblems(k8s, keys),
    ...wiringProblems(k8s),
  ];
  return [...new Set(all)];
}

function kustomizationProblems({ kustomization, files, manifests }: K8sFiles): string[] {
  const listed = (kustomization?.resources ?? []) as string[];
  const problems = listed
    .filter((file) => !files.includes(file))
    .map((file) => `kustomization lists ${file}, which does not exist`);
  for (const file of files) {
    const example = file.includes('example');
    if (file === 'kustomization.yaml' || example !== listed.includes(file)) continue;
    problems.push(
      example
        ? `kustomization applies ${file}: its placeholders would reach the cluster`
        : `kustomization leaves out ${file}`,
    );
  }
  const applied = manifests.filter(({ file }) => listed.includes(file));
  if (applied.some(({ doc }) => doc?.kind === 'Secret'))
    problems.push('kustomization applies a Secret: secrets are created by the operator');
  return problems;
}

/**
 * Probes ask the management port (MANAGEMENT_PORT, on every interface so the kubelet reaches it),
 * Prometheus scrapes it, and the container's named ports are the configured ones.
 */
function probeProblems(deployment: any, settings: Record<string, string>): string[] {
  const { container } = podOf(deployment);
  const problems: string[] = [];
  const port = Number(settings.MANAGEMENT_PORT ?? 9464);
  const named = (name: string) =>
    (container.ports ?? []).find((p: any) => p.name === name)?.containerPort as unknown;
  if (named('http') !== Number(settings.PORT ?? 3000))
    problems.push(`the http port is not the service's PORT ${settings.PORT ?? 3000}`);
  if (named('management') !== port)
    problems.push(`the management port is not the service's MANAGEMENT_PORT ${port}`);
  if (settings.MANAGEMENT_HOST !== '0.0.0.0')
    problems.push('MANAGEMENT_HOST is not 0.0.0.0: the kubelet and Prometheus cannot reach it');
  const annotations = deployment.spec?.template?.metadata?.annotations ?? {};
  if (annotations['prometheus.io/port'] !== String(port))
    problems.push(`Prometheus does not scrape the management port ${port}`);
  const expected = {
    readinessProbe: ['/health/ready'],
    livenessProbe: ['/health/live'],
    startupProbe: ['/health/live', '/health/ready'],
  };
  for (const [name, paths] of Object.entries(expected)) {
    const probe = container[name];
    if (!probe && name === 'startupProbe') continue;
    if (!paths.includes(probe?.httpGet?.path))
      problems.push(`${name} must GET ${paths.join(' or ')}`);
    const target = probe?.httpGet?.port;
    const asked = (named(String(target)) as number | undefined) ?? target;
    if (asked !== port)
      problems.push(`${name} asks port ${target}, not the management port ${port}`);
  }
  return problems;
}

function securityProblems(deployment: any): string[] {
  const { pod, container } = podOf(deployment);
  const own = container.securityContext ?? {};
  // The container's settings win over the pod's, as the kubelet applies them.
  const effective = { ...pod.securityContext, ...own };
  const problems: string[] = [];
  if (effective.runAsNonRoot !== true) problems.push('runAsNonRoot is not true');
  if (!(effective.runAsUser > 0)) problems.push('runAsUser is not a non-root uid');
  if (effective.seccompProfile?.type !== 'RuntimeDefault')
    problems.push('seccompProfile is not RuntimeDefault');
  if (own.readOnlyRootFilesystem !== true) problems.push('readOnlyRootFilesystem is not true');
  if (own.allowPrivilegeEscalation !== false)
    problems.push('allowPrivilegeEscalation is not false');
  if (!own.capabilities?.drop?.includes('ALL')) problems.push('capabilities do not drop ALL');
  const limits = container.resources?.limits ?? {};
  const requests = container.resources?.requests ?? {};
  if (!requests.cpu || !requests.memory || !limits.memory)
    problems.push('resources need cpu and memory requests and a memory limit');
  return problems;
}

function shutdownProblems(deployment: any, shutdownGraceMs: number): string[] {
  const { pod, container } = podOf(deployment);
  const preStop = container.lifecycle?.preStop;
  const problems: string[] = [];
  if (!preStop) problems.push('no preStop hook: SIGTERM would come before endpoints drain');
  const sleepMs = Number(preStop?.sleep?.seconds ?? 0) * 1000;
  const graceMs = Number(pod.terminationGracePeriodSeconds ?? 30) * 1000;
  if (graceMs <= sleepMs + shutdownGraceMs)
    problems.push(
      `terminationGracePeriodSeconds (${graceMs} ms) must exceed the preStop sleep ` +
        `(${sleepMs} ms) plus SHUTDOWN_GRACE_MS (${shutdownGraceMs} ms)`,
    );
  return problems;
}
