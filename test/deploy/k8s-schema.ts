import type { Manifest } from './deploy-files';

type ModelClass = new (data: unknown) => { validate(): void };

/**
 * Validates each object against Kubernetes' OpenAPI schema with kubernetes-models (types,
 * required fields, formats; the schema does not refuse unknown field names, so the checks in
 * k8s-checks.ts read the fields that matter themselves). The package is ESM-only: the spec that
 * calls this sets jest's export conditions to `import` so `import()` can resolve it.
 */
export async function schemaProblems(manifests: Manifest[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { file, doc } of manifests) {
    const { apiVersion, kind } = (doc ?? {}) as { apiVersion?: string; kind?: string };
    const where = `${file}: ${apiVersion}/${kind}`;
    const model = await modelFor(apiVersion, kind);
    if (!model) {
      problems.push(`${where}: not a Kubernetes API object kubernetes-models knows`);
      continue;
    }
    try {
      new model(doc).validate();
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  return problems;
}

async function modelFor(apiVersion?: string, kind?: string): Promise<ModelClass | undefined> {
  if (!apiVersion || !kind || !/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(apiVersion)) return undefined;
  try {
    const group = (await import(`kubernetes-models/${apiVersion}`)) as Record<string, unknown>;
    const model = group[kind];
    return typeof model === 'function' ? (model as ModelClass) : undefined;
  } catch {
    return undefined;
  }
}
