import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Route {
  key: string;
  pattern: RegExp;
  statuses: string[];
}

/** Every `METHOD /path` of the committed openapi.json, with the statuses it documents. */
export function documentedRoutes(): Route[] {
  const file = join(__dirname, '..', '..', 'openapi.json');
  const document = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      pattern: new RegExp(`^${path.replace(/\{[^/}]+\}/g, '[^/]+')}$`),
      statuses: Object.keys(operation.responses),
    })),
  );
}

/**
 * A fetch that notes, for each documented route, the statuses it answered, and every request
 * that matched no route: give it to a client and ask it afterwards which routes went unused.
 */
export class RouteCoverage {
  readonly routes = documentedRoutes();
  readonly answered = new Map<string, number[]>();
  readonly undocumented: string[] = [];

  readonly fetch = async (request: Request): Promise<Response> => {
    const pathname = new URL(request.url).pathname;
    const route = this.routes.find(
      (candidate) =>
        candidate.key.startsWith(`${request.method} `) && candidate.pattern.test(pathname),
    );
    const response = await fetch(request);
    if (!route) this.undocumented.push(`${request.method} ${pathname}`);
    else this.answered.set(route.key, [...(this.answered.get(route.key) ?? []), response.status]);
    return response;
  };

  /** Routes no request reached. */
  unused(): string[] {
    return this.routes.filter((route) => !this.answered.has(route.key)).map((r) => r.key);
  }

  /** `METHOD /path → status` for every answer whose status the route does not document. */
  undocumentedStatuses(): string[] {
    return this.routes.flatMap((route) =>
      (this.answered.get(route.key) ?? [])
        .filter((status) => !route.statuses.includes(String(status)))
        .map((status) => `${route.key} → ${status}`),
    );
  }
}
