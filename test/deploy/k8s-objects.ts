import type { K8sFiles } from './deploy-files';

/** The one object of a kind, or a problem line saying how many there were. */
export function single(k8s: K8sFiles, kind: string, problems: string[]): any {
  const found = k8s.manifests.filter(({ doc }) => doc?.kind === kind);
  if (found.length !== 1) problems.push(`expected one ${kind}, found ${found.length}`);
  return found[0]?.doc ?? {};
}

/** The Deployment's pod spec and its one container. */
export function podOf(deployment: any): { pod: any; container: any } {
  const pod = deployment.spec?.template?.spec ?? {};
  return { pod, container: pod.containers?.[0] ?? {} };
}
