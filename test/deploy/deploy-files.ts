import { emulatorOptionsFromEnv } from '@app/descope-emulator/env-options';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { envKeys } from '../../src/config/env.validation';

/* The deployment files as the checks see them: parsed, so a broken copy can be handed to the
 * same checks to prove each one fails. */

export const ROOT = join(__dirname, '../..');
export const K8S_DIR = join(ROOT, 'deploy/k8s');

/** One Kubernetes object and the file it came from. */
export interface Manifest {
  file: string;
  doc: any;
}

/** Everything under deploy/k8s: the objects of every YAML file, and the kustomization. */
export interface K8sFiles {
  manifests: Manifest[];
  kustomization: any;
  /** Every YAML file in the folder, kustomization.yaml included. */
  files: string[];
}

const text = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Parses a YAML text, failing on any syntax error instead of returning half a document. */
function parseStrict(source: string, file: string): any[] {
  return parseAllDocuments(source).map((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}`);
    return document.toJS();
  });
}

export function readK8s(): K8sFiles {
  const files = readdirSync(K8S_DIR).filter((name) => /\.ya?ml$/.test(name));
  const manifests = files
    .filter((file) => file !== 'kustomization.yaml')
    .flatMap((file) =>
      parseStrict(readFileSync(join(K8S_DIR, file), 'utf8'), file)
        .filter(Boolean)
        .map((doc) => ({ file, doc })),
    );
  const [kustomization] = parseStrict(text('deploy/k8s/kustomization.yaml'), 'kustomization');
  return { manifests, kustomization, files };
}

/** docker-compose.yml with its anchors and `<<` merges resolved, as Compose reads it. */
export const readCompose = (): any => parse(text('docker-compose.yml'), { merge: true });

export const readDockerfile = (): string => text('Dockerfile');
export const readDockerignore = (): string[] =>
  text('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
export const readPackageScripts = (): Record<string, string> =>
  (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts;

/** The packed emulator's name and bin (libs/descope-emulator/package.json). */
export function readEmulatorPackage(): { name: string; bin: string } {
  const { name, bin } = JSON.parse(text('libs/descope-emulator/package.json')) as {
    name: string;
    bin: Record<string, string>;
  };
  return { name, bin: bin['descope-emulator'] };
}

/** Every key the service validates at start (src/config/env.validation.ts). */
export const serviceEnvKeys = (): Set<string> => new Set(envKeys());

/** Every key the standalone emulator reads: those its option reader asks the environment for. */
export function emulatorEnvKeys(): Set<string> {
  const asked = new Set<string>();
  const spy = new Proxy({}, { get: (_target, key) => (asked.add(String(key)), undefined) });
  emulatorOptionsFromEnv(spy);
  return new Set([...asked].filter((key) => /^[A-Z0-9_]+$/.test(key)));
}
