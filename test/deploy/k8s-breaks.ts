import type { K8sFiles } from './deploy-files';

/* Broken copies of deploy/k8s, each with the problem line its check must print: the proof that
 * every check can fail. */

const kind = (k8s: K8sFiles, name: string): any =>
  k8s.manifests.find(({ doc }) => doc.kind === name)!.doc;
const pod = (k8s: K8sFiles): any => kind(k8s, 'Deployment').spec.template.spec;
const container = (k8s: K8sFiles): any => pod(k8s).containers[0];
const settings = (k8s: K8sFiles): Record<string, string> => kind(k8s, 'ConfigMap').data;
const resources = (k8s: K8sFiles): string[] => k8s.kustomization.resources;

export const K8S_BREAKS: [string, (k8s: K8sFiles) => void, string][] = [
  [
    'readiness asks /health/live',
    (k) => (container(k).readinessProbe.httpGet.path = '/health/live'),
    'readinessProbe must GET /health/ready',
  ],
  [
    'the liveness probe is gone',
    (k) => delete container(k).livenessProbe,
    'livenessProbe must GET /health/live',
  ],
  [
    'the startup probe asks /',
    (k) => (container(k).startupProbe.httpGet.path = '/'),
    'startupProbe must GET',
  ],
  [
    'a probe asks another port',
    (k) => (container(k).readinessProbe.httpGet.port = 8080),
    'readinessProbe asks port 8080',
  ],
  [
    'PORT moves away from the container port',
    (k) => (settings(k).PORT = '4000'),
    "not the service's PORT 4000",
  ],
  [
    'a probe asks the public port',
    (k) => (container(k).livenessProbe.httpGet.port = 'http'),
    'livenessProbe asks port http, not the management port 9464',
  ],
  [
    'the management port listens on loopback only',
    (k) => (settings(k).MANAGEMENT_HOST = '127.0.0.1'),
    'MANAGEMENT_HOST is not 0.0.0.0',
  ],
  [
    'Prometheus scrapes the public port',
    (k) =>
      (kind(k, 'Deployment').spec.template.metadata.annotations['prometheus.io/port'] = '3000'),
    'Prometheus does not scrape the management port 9464',
  ],
  [
    'the Service exposes the management port',
    (k) => (kind(k, 'Service').spec.ports[0].targetPort = 'management'),
    'the Service exposes the management port',
  ],
  [
    'the root filesystem is writable',
    (k) => (container(k).securityContext.readOnlyRootFilesystem = false),
    'readOnlyRootFilesystem is not true',
  ],
  [
    'the container runs as uid 0',
    (k) => (container(k).securityContext.runAsUser = 0),
    'runAsUser is not a non-root uid',
  ],
  [
    'runAsNonRoot is dropped',
    (k) => [pod(k), container(k)].forEach((s) => delete s.securityContext.runAsNonRoot),
    'runAsNonRoot is not true',
  ],
  [
    'privilege escalation is allowed',
    (k) => (container(k).securityContext.allowPrivilegeEscalation = true),
    'allowPrivilegeEscalation is not false',
  ],
  [
    'capabilities are kept',
    (k) => (container(k).securityContext.capabilities.drop = ['NET_RAW']),
    'capabilities do not drop ALL',
  ],
  [
    'seccomp is unconfined',
    (k) => (container(k).securityContext.seccompProfile.type = 'Unconfined'),
    'seccompProfile is not RuntimeDefault',
  ],
  [
    'resources are gone',
    (k) => delete container(k).resources,
    'resources need cpu and memory requests',
  ],
  [
    'the grace period is shorter than SHUTDOWN_GRACE_MS',
    (k) => (pod(k).terminationGracePeriodSeconds = 12),
    'terminationGracePeriodSeconds (12000 ms) must exceed',
  ],
  [
    'SHUTDOWN_GRACE_MS outgrows the grace period',
    (k) => (settings(k).SHUTDOWN_GRACE_MS = '30000'),
    'plus SHUTDOWN_GRACE_MS (30000 ms)',
  ],
  ['there is no preStop hook', (k) => delete container(k).lifecycle, 'no preStop hook'],
  [
    'a ConfigMap key is misspelt',
    (k) => (settings(k).DESCOPE_PROJECTID = 'P2x'),
    'ConfigMap key DESCOPE_PROJECTID is not read',
  ],
  [
    'a Secret key is misspelt',
    (k) => (kind(k, 'Secret').stringData.METRICS_TOKN = 'x'),
    'Secret key METRICS_TOKN is not read',
  ],
  [
    'an env entry is unknown',
    (k) => (container(k).env = [{ name: 'NODE_OPTIONS', value: '' }]),
    'env NODE_OPTIONS is not read',
  ],
  [
    'a key is both setting and secret',
    (k) => (settings(k).METRICS_TOKEN = 'x'.repeat(16)),
    'METRICS_TOKEN is in both',
  ],
  [
    'TRUST_PROXY is true',
    (k) => (settings(k).TRUST_PROXY = 'true'),
    'the service refuses this environment',
  ],
  [
    'the project id is missing',
    (k) => delete settings(k).DESCOPE_PROJECT_ID,
    'DESCOPE_PROJECT_ID: required',
  ],
  ['TRUST_PROXY is false', (k) => (settings(k).TRUST_PROXY = 'false'), 'TRUST_PROXY is off'],
  [
    'NODE_ENV is development',
    (k) => (settings(k).NODE_ENV = 'development'),
    'NODE_ENV is not production',
  ],
  ['Redis is not configured', (k) => delete settings(k).REDIS_URL, 'REDIS_URL is unset'],
  [
    'envFrom skips the Secret',
    (k) => container(k).envFrom.pop(),
    'envFrom does not read the Secret',
  ],
  [
    'the kustomization applies the example Secret',
    (k) => resources(k).push('secret.example.yaml'),
    'kustomization applies secret.example.yaml',
  ],
  [
    'the kustomization forgets a file',
    (k) => resources(k).splice(resources(k).indexOf('pdb.yaml'), 1),
    'kustomization leaves out pdb.yaml',
  ],
  [
    'the kustomization lists a missing file',
    (k) => resources(k).push('ingress.yaml'),
    'ingress.yaml, which does not exist',
  ],
  [
    'the Service selects other pods',
    (k) => (kind(k, 'Service').spec.selector = { app: 'other' }),
    "the Service's selector",
  ],
  [
    'the Service targets a missing port',
    (k) => (kind(k, 'Service').spec.ports[0].targetPort = 'metrics'),
    'targets port metrics',
  ],
  [
    'the autoscaler scales another Deployment',
    (k) => (kind(k, 'HorizontalPodAutoscaler').spec.scaleTargetRef.name = 'x'),
    'does not scale this Deployment',
  ],
  [
    'the autoscaler is autoscaling/v1',
    (k) => (kind(k, 'HorizontalPodAutoscaler').apiVersion = 'autoscaling/v1'),
    'not autoscaling/v2',
  ],
  [
    'one replica is the minimum',
    (k) => (kind(k, 'HorizontalPodAutoscaler').spec.minReplicas = 1),
    'fewer than two replicas',
  ],
  [
    'the budget blocks every eviction',
    (k) => (kind(k, 'PodDisruptionBudget').spec.minAvailable = 2),
    'minAvailable leaves no pod',
  ],
  [
    'the budget is policy/v1beta1',
    (k) => (kind(k, 'PodDisruptionBudget').apiVersion = 'policy/v1beta1'),
    'not policy/v1',
  ],
  ['service links are on', (k) => delete pod(k).enableServiceLinks, 'enableServiceLinks'],
  [
    'there are two Deployments',
    (k) =>
      k.manifests.push(structuredClone(k.manifests.find(({ doc }) => doc.kind === 'Deployment')!)),
    'expected one Deployment, found 2',
  ],
];
