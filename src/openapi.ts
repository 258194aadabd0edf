import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_SCHEMA_FILE, renderClientSchema } from './openapi-client-schema';
import { renderOpenApi } from './openapi-document';

/**
 * `npm run openapi`: writes openapi.json at the repository root (npm runs scripts there), then
 * the types of the client package (libs/client) generated from it, so the two never drift.
 */
async function main(): Promise<void> {
  const file = join(process.cwd(), 'openapi.json');
  const document = await renderOpenApi();
  writeFileSync(file, document);
  console.log(`Wrote ${file}`);
  const schema = join(process.cwd(), CLIENT_SCHEMA_FILE);
  writeFileSync(schema, await renderClientSchema(document));
  console.log(`Wrote ${schema}`);
}

main().catch((error: unknown) => {
  console.error(`Failed to write openapi.json or the client's types: ${String(error)}`);
  process.exit(1);
});
