/**
 * @jest-environment-options {"customExportConditions":["node","import"]}
 */
// kubernetes-models publishes only an `import` export condition; with it in jest's conditions the
// schema check's import() resolves it (k8s-schema.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeProblems, durationMs, interpolate } from './compose-checks';
import { COMPOSE_BREAKS } from './compose-breaks';
import { DOCKERFILE_BREAKS } from './dockerfile-breaks';
import { K8S_BREAKS } from './k8s-breaks';
import * as files from './deploy-files';
import { dockerfileProblems, dockerignoreProblems, emulatorEntry } from './dockerfile-checks';
import { k8sProblems } from './k8s-checks';
import { schemaProblems } from './k8s-schema';

/* Static checks of the deployment files: no container runtime or cluster runs here (see
 * docs/deploy.md). Each check is also run on a broken copy (*-breaks.ts), so none passes
 * by checking nothing. */

const serviceKeys = files.serviceEnvKeys();
const compose = {
  shell: { DEVICE_TOKEN_SECRET: 'compose-check-secret-0123456789abcdef' },
  serviceKeys,
  emulatorKeys: files.emulatorEnvKeys(),
  scripts: files.readPackageScripts(),
};
const startProd = () => compose.scripts['start:prod'];
const emulatorPackage = files.readEmulatorPackage();

describe('deploy/k8s', () => {
  it('holds a Deployment, Service, autoscaler, disruption budget, ConfigMap and an example Secret', () => {
    const kinds = files.readK8s().manifests.map(({ doc }) => `${doc.apiVersion} ${doc.kind}`);
    expect(kinds.sort()).toEqual([
      'apps/v1 Deployment',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'policy/v1 PodDisruptionBudget',
      'v1 ConfigMap',
      'v1 Secret',
      'v1 Service',
    ]);
  });

  it("matches Kubernetes' schemas, which refuse a wrong type, a missing field or a made-up kind", async () => {
    const { manifests } = files.readK8s();
    expect(await schemaProblems(manifests)).toEqual([]);
    const broken = structuredClone(manifests);
    const deployment = broken.find(({ doc }) => doc.kind === 'Deployment')!.doc;
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'three thousand';
    delete deployment.spec.selector;
    broken.find(({ doc }) => doc.kind === 'Service')!.doc.kind = 'Servise';
    const problems = (await schemaProblems(broken)).join('\n');
    expect(problems).toMatch(/containerPort must be integer/);
    expect(problems).toMatch(/spec must have required property '?selector/);
    expect(problems).toMatch(/v1\/Servise: not a Kubernetes API object/);
  });

  it('probes, security context, shutdown, environment and wiring hold', () => {
    expect(k8sProblems(files.readK8s(), serviceKeys)).toEqual([]);
  });

  it.each(K8S_BREAKS)('notices when %s', (_what, breakIt, expected) => {
    const k8s = files.readK8s();
    breakIt(k8s);
    expect(k8sProblems(k8s, serviceKeys).join('\n')).toContain(expected);
  });
});

describe('docker-compose.yml', () => {
  it('runs two replicas on Redis and the emulator, in production mode, with one shared secret', () => {
    expect(composeProblems(files.readCompose(), compose)).toEqual([]);
  });

  it.each(COMPOSE_BREAKS)('notices when %s', (_what, breakIt, expected) => {
    const file = files.readCompose();
    const context = structuredClone(compose);
    breakIt(file, context);
    expect(composeProblems(file, context).join('\n')).toContain(expected);
  });

  it("reads Compose's interpolation and durations as Compose does", () => {
    expect(interpolate('${A:-x}/${B:-y}/${C}', { A: 'a', B: '' })).toBe('a/y/');
    expect(() => interpolate('${A:?set A}', { A: '' })).toThrow('A is required: set A');
    expect([durationMs('15s'), durationMs('1m30s'), durationMs('500ms')]).toEqual([
      15000, 90000, 500,
    ]);
  });
});

describe('Dockerfile', () => {
  it('builds in one stage and runs production dependencies as a non-root user in another', () => {
    expect(dockerfileProblems(files.readDockerfile(), startProd(), emulatorPackage)).toEqual([]);
    expect(dockerignoreProblems(files.readDockerignore())).toEqual([]);
  });

  it.each(DOCKERFILE_BREAKS)('notices when %s', (_what, breakIt, expected) => {
    const broken = breakIt(files.readDockerfile());
    expect(dockerfileProblems(broken, startProd(), emulatorPackage).join('\n')).toContain(expected);
  });

  it('notices a .dockerignore that lets .env into the build context', () => {
    const lines = files.readDockerignore().filter((line) => line !== '.env');
    expect(dockerignoreProblems(lines)).toEqual(['.dockerignore does not exclude .env']);
  });

  it("starts what the build writes: each entry point's source exists under rootDir", () => {
    const { compilerOptions } = JSON.parse(readFileSync(join(files.ROOT, 'tsconfig.json'), 'utf8'));
    expect([compilerOptions.rootDir, compilerOptions.outDir]).toEqual(['.', './dist']);
    const entries = [startProd(), compose.scripts.emulator.split('&&').pop()!.trim()];
    for (const entry of entries) {
      const output = entry.split(' ').at(-1)!;
      expect(entry).toMatch(/^node (--[\w-]+(=\S+)? )*dist\//);
      expect(output).toMatch(/^dist\/.+\.js$/);
      const source = output.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(existsSync(join(files.ROOT, source))).toBe(true);
    }
  });

  it("the emulator stage starts the packed library's bin, which its build writes from src/", () => {
    const library = join(files.ROOT, 'libs/descope-emulator');
    const { compilerOptions } = JSON.parse(
      readFileSync(join(library, 'tsconfig.lib.json'), 'utf8'),
    );
    expect([compilerOptions.rootDir, compilerOptions.outDir]).toEqual(['src', 'dist']);
    expect(emulatorEntry(emulatorPackage)).toBe(
      `node node_modules/${emulatorPackage.name}/${emulatorPackage.bin}`,
    );
    const source = emulatorPackage.bin.replace(/^(\.\/)?dist\//, 'src/').replace(/\.js$/, '.ts');
    expect(existsSync(join(library, source))).toBe(true);
  });
});
