import { AppHarness } from './app-harness';

/** A concrete path for each documented path: `{method}` becomes a channel the route takes. */
const concrete = (path: string) =>
  path.replace('/update/phone/{method}', '/update/phone/sms').replace('{method}', 'email');

/** Every route of the app's own OpenAPI document that takes a body (all POSTs), concrete. */
export async function bodyRoutes(h: AppHarness): Promise<string[]> {
  const doc = (await h.api('GET', '/docs-json')).body as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  return Object.entries(doc.paths)
    .filter(([, methods]) => methods.post?.requestBody)
    .map(([path]) => concrete(path));
}
