import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from './bootstrap';
import { createOpenApiDocument } from './swagger';

/**
 * The environment of the committed openapi.json: every default (embedded emulator, no Descope
 * project), whatever the shell or a `.env` says. The document does not depend on configuration,
 * and this keeps it so.
 */
const DOCUMENT_ENV = { LOG_LEVEL: 'silent', DOCS_ENABLED: 'false' };

const byKey = <T extends object>(map: T): T =>
  Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;

/**
 * The document as openapi.json holds it: paths and components sorted by name, two-space
 * indentation, a final newline. Nothing in it depends on the port, host or time of the run.
 */
export function stableOpenApiJson(document: OpenAPIObject): string {
  const components = Object.fromEntries(
    Object.entries(document.components ?? {}).map(([kind, map]) => [kind, byKey(map as object)]),
  );
  const stable = { ...document, paths: byKey(document.paths), components: byKey(components) };
  return `${JSON.stringify(stable, null, 2)}\n`;
}

/** Builds the app (not listening), renders its OpenAPI document, and closes it. */
export async function renderOpenApi(): Promise<string> {
  const { app } = await createApp(DOCUMENT_ENV);
  try {
    return stableOpenApiJson(createOpenApiDocument(app));
  } finally {
    await app.close();
  }
}
