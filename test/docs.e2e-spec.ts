import { AppHarness, startApp } from './support/app-harness';

interface Operation {
  summary?: string;
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  security?: unknown[];
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<
      string,
      { properties?: Record<string, { example?: unknown; $ref?: string; type?: string }> }
    >;
    securitySchemes: Record<string, unknown>;
  };
}

/** Swagger is built from the decorators: every route documented, every DTO field with an example. */
describe('Service: API docs', () => {
  let h: AppHarness;
  let doc: OpenApi;

  beforeAll(async () => {
    h = await startApp();
    doc = (await h.api('GET', '/docs-json')).body as OpenApi;
  });
  afterAll(() => h.close());

  it('serves Prometheus metrics by route pattern, never by raw URL', async () => {
    await h.api('GET', '/v1/session', { bearer: 'not-a-token' });
    await h.api('GET', '/v1/unknown/secret-path-segment');
    const response = await fetch(`${h.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('http_requests_total{method="GET",route="/v1/session",status="401"} 1');
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).not.toContain('secret-path-segment');
    expect(text).not.toContain('not-a-token');
  });

  it('serves the UI at /docs', async () => {
    const response = await fetch(`${h.url}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });

  it('documents every route of docs/api.md with a summary and its error answers', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'POST /v1/password/signup',
        'POST /v1/password/signin',
        'POST /v1/password/replace',
        'POST /v1/password/update',
        'POST /v1/password/reset',
        'POST /v1/password/reset/complete',
        'GET /v1/password/policy',
        'GET /v1/session',
        'POST /v1/session/validate',
        'POST /v1/session/refresh',
        'POST /v1/session/tenant',
        'POST /v1/session/logout',
        'POST /v1/session/logout-all',
        'GET /v1/session/me',
        'GET /health/live',
        'GET /health/ready',
      ]),
    );
    for (const { route, operation } of routes) {
      expect([route, Boolean(operation.summary)]).toEqual([route, true]);
      if (route.startsWith('POST /v1'))
        expect([route, Object.keys(operation.responses).some((s) => s.startsWith('4'))]).toEqual([
          route,
          true,
        ]);
    }
    expect(Object.keys(doc.paths['/v1/password/signin'].post.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '408',
      '413',
      '415',
      '429',
      '431',
      '500',
      '502',
      '503',
      '504',
    ]);
  });

  it('gives every request field an example and declares bearer and cookie security', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const operation of Object.values(methods)) {
        const ref = operation.requestBody?.content['application/json']?.schema.$ref;
        if (!ref) continue;
        const schema = doc.components.schemas[ref.split('/').pop()!];
        for (const [field, property] of Object.entries(schema.properties ?? {})) {
          expect([
            path,
            field,
            property.example !== undefined || property.$ref !== undefined,
          ]).toEqual([path, field, true]);
        }
      }
    }
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'bearer',
      'metrics-token',
      'refresh-cookie',
      'session-cookie',
    ]);
    expect(doc.paths['/v1/session/refresh'].post.security).toEqual(
      expect.arrayContaining([{ 'refresh-cookie': [] }, { bearer: [] }]),
    );
  });
});
