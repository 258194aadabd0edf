import { Route } from './route';

/** Finds the route for a method and path; `:name` segments capture one path segment. */
export class RouteTable {
  constructor(private readonly routes: Route[]) {}

  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | undefined {
    const segments = path.split('/');
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchPath(route.path.split('/'), segments);
      if (params) return { route, params };
    }
    return undefined;
  }
}

function matchPath(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segments[index]);
    else if (part !== segments[index]) return undefined;
  }
  return params;
}
