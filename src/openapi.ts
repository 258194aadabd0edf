import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOpenApi } from './openapi-document';

/** `npm run openapi`: writes openapi.json at the repository root (npm runs scripts there). */
async function main(): Promise<void> {
  const file = join(process.cwd(), 'openapi.json');
  writeFileSync(file, await renderOpenApi());
  console.log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(`Failed to write openapi.json: ${String(error)}`);
  process.exit(1);
});
