import type { K8sFiles } from './deploy-files';
import { podOf, single } from './k8s-objects';

/** Whether every label of `selector` is on `labels`. */
const selects = (selector: Record<string, string> = {}, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/**
 * The objects find each other: selectors match the pods, the Service targets the container's
 * port, the autoscaler scales this Deployment, and a drain can always evict one pod.
 */
export function wiringProblems(k8s: K8sFiles): string[] {
  const problems: string[] = [];
  const deployment = single(k8s, 'Deployment', problems);
  const service = single(k8s, 'Service', problems);
  const hpa = single(k8s, 'HorizontalPodAutoscaler', problems);
  const pdb = single(k8s, 'PodDisruptionBudget', problems);
  const { pod, container } = podOf(deployment);
  const labels = deployment.spec?.template?.metadata?.labels;
  if (!selects(deployment.spec?.selector?.matchLabels, labels))
    problems.push("the Deployment's selector does not match its pods");
  if (!selects(service.spec?.selector, labels))
    problems.push("the Service's selector does not match the pods");
  const ports = (container.ports ?? []) as { name?: string; containerPort: number }[];
  for (const { targetPort } of (service.spec?.ports ?? []) as { targetPort: unknown }[]) {
    const port = ports.find((p) => p.name === targetPort || p.containerPort === targetPort);
    if (!port)
      problems.push(`the Service targets port ${String(targetPort)}, which the container lacks`);
    if (port?.name === 'management')
      problems.push('the Service exposes the management port: /metrics would reach the ingress');
  }
  if (hpa.apiVersion !== 'autoscaling/v2') problems.push('the autoscaler is not autoscaling/v2');
  const target = hpa.spec?.scaleTargetRef ?? {};
  if (target.kind !== 'Deployment' || target.name !== deployment.metadata?.name)
    problems.push('the autoscaler does not scale this Deployment');
  if (!container.resources?.requests?.cpu)
    problems.push('no cpu request: a cpu-utilisation autoscaler has nothing to divide by');
  if (pdb.apiVersion !== 'policy/v1') problems.push('the disruption budget is not policy/v1');
  if (!selects(pdb.spec?.selector?.matchLabels, labels))
    problems.push("the disruption budget's selector does not match the pods");
  const minReplicas = Number(hpa.spec?.minReplicas ?? 1);
  if (minReplicas < 2) problems.push('fewer than two replicas: no redundancy');
  if (typeof pdb.spec?.minAvailable === 'number' && pdb.spec.minAvailable >= minReplicas)
    problems.push('minAvailable leaves no pod a drain may evict');
  if (pod.enableServiceLinks !== false)
    problems.push('enableServiceLinks would inject *_PORT variables such as EMULATOR_PORT');
  return problems;
}
