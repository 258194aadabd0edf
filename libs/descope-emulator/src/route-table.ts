import { EmulatorErrors } from './errors';
import { Route } from './route';

/** A path segment decoded; a malformed `%` escape is the caller's 400, not the emulator's 500. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw EmulatorErrors.invalidRequest('The path has a malformed % escape');
  }
}

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
    if (part.startsWith(':')) params[part.slice(1)] = decoded(segments[index]);
    else if (part !== segments[index]) return undefined;
  }
  return params;
}
