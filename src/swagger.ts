import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { problemResponse } from './problems/problem-examples';

/** The walk-through at the top of /docs: every step works against a default `npm start`. */
const DESCRIPTION = `Password, one-time code, authenticator-app and session APIs in front of Descope.
Errors are \`application/problem+json\` (RFC 9457) with a stable \`code\`; the rules behind this
document are in docs/api.md, and the document itself is openapi.json in the repository.

**Try it** (a default \`npm start\`, against the embedded emulator):
1. \`POST /v1/password/signup\`: *Try it out*, *Execute* the prefilled example: 201 (409
   \`user_exists\` once the example user exists: go on).
2. \`POST /v1/password/signin\` the same way: 200; copy \`sessionJwt\` from the response body.
3. *Authorize*: paste it into **session-token** (and \`refreshJwt\` into **refresh-token** for the
   refresh, logout and \`me\` routes), then *Authorize*.
4. \`GET /v1/session\`: *Execute*: 200, the example user's session.

Tokens are in the body with TOKEN_DELIVERY \`body\` or \`both\` (the default). Browsers also send
the HttpOnly \`DS\`/\`DSR\` cookies of a sign-in by themselves (TOKEN_DELIVERY \`cookie\` or
\`both\`); *Authorize* only sets bearer tokens.`;

/** Where each token comes from, added to the routes that read it (cookies are not schemes). */
const TOKEN_SOURCES: Record<string, string> = {
  'session-token':
    '**Session token**: `Authorization: Bearer <sessionJwt>` (*Authorize*: session-token), ' +
    'else the HttpOnly `DS` cookie a sign-in set; the bearer wins when both are sent.',
  'refresh-token':
    '**Refresh token**: the HttpOnly `DSR` cookie a sign-in set, else ' +
    '`Authorization: Bearer <refreshJwt>` (*Authorize*: refresh-token); the cookie wins when ' +
    'both are sent. A POST authenticated by the cookie must come from an allowed origin ' +
    '(CORS_ORIGINS, PUBLIC_ORIGIN), else 403 `forbidden`.',
};

const bearer = (description: string) =>
  ({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description }) as const;

interface Operation {
  responses: Record<string, unknown>;
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  description?: string;
}

const operationsOf = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.values(methods as Record<string, Operation>).map((operation) => ({ path, operation })),
  );

/**
 * Answers any route can give, whatever its own decorators say: 408/431 for a slow request or
 * oversized headers, 500 for a bug, and 413/415 for a body that is too large or not JSON. Added
 * once here rather than on every handler.
 */
function addCommonProblems(document: OpenAPIObject): void {
  for (const { path, operation } of operationsOf(document)) {
    if (!path.startsWith('/v1/')) continue;
    const { responses } = operation;
    responses['408'] ??= problemResponse(['request_timeout']);
    responses['431'] ??= problemResponse(['headers_too_large']);
    responses['500'] ??= problemResponse(['internal_error']);
    if (!operation.requestBody) continue;
    responses['413'] ??= problemResponse(['payload_too_large']);
    responses['415'] ??= problemResponse(['unsupported_media_type']);
  }
}

/** Says on each route which cookie carries its token, as a browser sends it by itself. */
function describeTokenCookies(document: OpenAPIObject): void {
  for (const { operation } of operationsOf(document)) {
    const schemes = (operation.security ?? []).flatMap(Object.keys);
    const lines = schemes.map((scheme) => TOKEN_SOURCES[scheme]).filter(Boolean);
    if (!lines.length) continue;
    operation.description = [operation.description, ...lines].filter(Boolean).join('\n\n');
  }
}

/** The OpenAPI document of the app, built from its decorators (served at /docs-json). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Descope auth service')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth(bearer('Session JWT (sessionJwt from sign-in)'), 'session-token')
    .addBearerAuth(bearer('Refresh JWT (refreshJwt from sign-in)'), 'refresh-token')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' },
      'metrics-token',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addCommonProblems(document);
  describeTokenCookies(document);
  return document;
}

/** Swagger UI at /docs and the OpenAPI JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
