import { EmulatorContext } from './context';

/**
 * Who may call a route: the auth API, the management API, anyone (JWKS), or the emulator's own
 * UI and admin routes (admin-access.ts: this machine, same origin).
 */
export type RouteScope = 'auth' | 'management' | 'open' | 'admin';

/** The parts of an HTTP request a handler needs, already parsed and checked. */
export interface EmulatorRequest {
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The refresh JWT from `Authorization: Bearer <projectId>:<jwt>[:<authManagementKey>]`. */
  token?: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Handler = (request: EmulatorRequest, context: EmulatorContext) => unknown;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Exact path; a segment starting with `:` matches any one segment. */
  path: string;
  scope: RouteScope;
  handler: Handler;
}

/** A handler's answer when 200 with a JSON body is not what it needs. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string | string[]> = {},
  ) {}
}

/** A non-JSON answer: the UI's page, script and style. */
export class PageReply extends Reply {
  constructor(
    readonly contentType: string,
    readonly text: string,
  ) {
    super(200, text);
  }
}

/** A route entry: `route('POST', '/v1/auth/refresh', handler)`; the scope defaults to the auth API. */
export const route = (
  method: Route['method'],
  path: string,
  handler: Handler,
  scope: RouteScope = 'auth',
): Route => ({ method, path, scope, handler });
