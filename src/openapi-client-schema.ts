import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';

const HEADER = [
  '// Generated from openapi.json by `npm run openapi` (openapi-typescript): do not edit by hand.',
  '// test/client-schema.e2e-spec.ts fails while it is stale.',
  '',
].join('\n');

/** Where the typed client keeps the types generated from openapi.json (committed). */
export const CLIENT_SCHEMA_FILE = join('libs', 'client', 'src', 'schema.ts');

/**
 * The TypeScript types of `libs/client` for an openapi.json text: openapi-typescript's output,
 * formatted by the repository's Prettier settings so `npm run format:check` passes on the
 * committed file and a stale one shows up as a plain diff. Needs no running app.
 */
export async function renderClientSchema(
  openApiJson: string,
  root = process.cwd(),
): Promise<string> {
  const document = JSON.parse(openApiJson) as OpenAPI3;
  const nodes = await openapiTS(document, { silent: true, cwd: root });
  const filepath = join(root, CLIENT_SCHEMA_FILE);
  const options = (await resolveConfig(filepath)) ?? {};
  return format(HEADER + astToString(nodes), { ...options, filepath });
}
