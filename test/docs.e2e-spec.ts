import { readFileSync } from 'node:fs';
import { PROBLEM_STATUS, PROBLEM_TITLE, ProblemCode } from '../src/problems/problem-codes';
import { AppHarness, startApp } from './support/app-harness';

interface MediaType {
  schema: { $ref: string };
  examples?: Record<string, { value: Record<string, unknown> }>;
}
interface Operation {
  summary?: string;
  description?: string;
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, MediaType> };
  security?: unknown[];
}
interface OpenApi {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<
      string,
      { properties?: Record<string, { example?: unknown; $ref?: string; type?: string }> }
    >;
    securitySchemes: Record<string, unknown>;
  };
}

/** Routes that read the refresh token (the DSR cookie, then the bearer). */
const REFRESH_ROUTES = [
  ['/v1/session/refresh', 'post'],
  ['/v1/session/logout', 'post'],
  ['/v1/session/logout-all', 'post'],
  ['/v1/session/tenant', 'post'],
  ['/v1/session/me', 'get'],
  ['/v1/password/update', 'post'],
] as const;

const exampleCodes = (response: unknown) =>
  Object.keys(
    (response as { content: Record<string, MediaType> }).content['application/problem+json']
      .examples ?? {},
  );

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
    const response = await fetch(`${h.managementUrl}/metrics`);
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
      '403',
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

  it('gives every request field an example and declares one bearer scheme per token kind', () => {
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
    // Cookies cannot be set from Swagger UI: bearer schemes only, named for what they take.
    expect(doc.components.securitySchemes).toEqual({
      'session-token': expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      'refresh-token': expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      'metrics-token': expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    const session = doc.paths['/v1/session'].get;
    expect(session.security).toEqual([{ 'session-token': [] }]);
    expect(session.description).toContain('`DS` cookie');
    for (const [path, method] of REFRESH_ROUTES) {
      const operation = doc.paths[path][method];
      expect([path, operation.security]).toEqual([path, [{ 'refresh-token': [] }]]);
      expect([path, operation.description]).toEqual([
        path,
        expect.stringContaining('`DSR` cookie'),
      ]);
    }
    expect(doc.paths['/metrics'].get.security).toEqual([{ 'metrics-token': [] }]);
    expect(doc.info.description).toContain('session-token');
  });

  it('documents every error as application/problem+json with an example of its own code', () => {
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const where = `${method.toUpperCase()} ${path} ${status}`;
          const { content } = response as { content?: Record<string, MediaType> };
          expect([where, Object.keys(content ?? {})]).toEqual([
            where,
            ['application/problem+json'],
          ]);
          const examples = Object.entries(content!['application/problem+json'].examples ?? {});
          expect([where, examples.length > 0]).toEqual([where, true]);
          for (const [code, { value }] of examples) {
            expect([where, value]).toEqual([
              where,
              expect.objectContaining({
                type: `urn:problem:${code}`,
                title: PROBLEM_TITLE[code as ProblemCode],
                status: PROBLEM_STATUS[code as ProblemCode],
                code,
              }),
            ]);
            expect([where, code, 'descopeCode' in value]).toEqual([
              where,
              code,
              code === 'user_exists',
            ]);
            checked++;
          }
        }
      }
    }
    const signUp = doc.paths['/v1/password/signup'].post.responses;
    expect(exampleCodes(signUp['409'])).toEqual(['user_exists']);
    expect(exampleCodes(signUp['502'])).toEqual(['upstream_unavailable']);
    expect(exampleCodes(doc.paths['/v1/session'].get.responses['401'])).toEqual([
      'token_missing',
      'token_invalid',
      'token_expired',
    ]);
    expect(checked).toBeGreaterThan(200);
  });

  it('prefills sign-up and sign-in examples that work on the default configuration', async () => {
    const example = (path: string) =>
      Object.values(doc.paths[path].post.requestBody!.content['application/json'].examples!)[0]
        .value;
    const signUp = example('/v1/password/signup');
    const signIn = example('/v1/password/signin');
    expect(signIn).toEqual({ loginId: signUp.loginId, password: signUp.password });
    // A user who ran the README's quick start first still signs up from "Try it out".
    const quickStart = /"loginId":"([^"]+)"/.exec(readFileSync('README.md', 'utf8'))![1];
    expect(signUp.loginId).not.toBe(quickStart);
    expect((await h.api('POST', '/v1/password/signup', { body: signUp })).status).toBe(201);
    const session = await h.api('POST', '/v1/password/signin', { body: signIn });
    expect(session.status).toBe(200);
    const current = await h.api('GET', '/v1/session', { bearer: session.body.sessionJwt });
    expect(current.status).toBe(200);
    // Checked before the examples: one signs in with revokeOtherSessions, ending that session.
    for (const { value } of Object.values(
      doc.paths['/v1/password/signin'].post.requestBody!.content['application/json'].examples!,
    )) {
      expect((await h.api('POST', '/v1/password/signin', { body: value })).status).toBe(200);
    }
    // Nothing prefilled asks for an opt-in (custom claims) or a refresh token (step-up) it lacks.
    for (const [path, methods] of Object.entries(doc.paths)) {
      const body = methods.post?.requestBody?.content['application/json'];
      const first = body?.examples ? Object.values(body.examples)[0].value : undefined;
      expect([path, JSON.stringify(first ?? {})]).toEqual([
        path,
        expect.not.stringMatching(/customClaims|stepup|"mfa"/),
      ]);
    }
  });
});
