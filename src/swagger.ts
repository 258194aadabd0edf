import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const PROBLEM = { $ref: '#/components/schemas/ProblemDto' };
const problem = (codes: string) => ({
  description: `application/problem+json; code: ${codes}`,
  content: { 'application/problem+json': { schema: PROBLEM } },
});

/**
 * Answers any route can give, whatever its own decorators say: 408/431 for a slow request or
 * oversized headers, 500 for a bug, and 413/415 for a body that is too large or not JSON. Added
 * once here rather than on every handler.
 */
function addCommonProblems(document: OpenAPIObject): void {
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const operation of Object.values(
      methods as Record<string, { responses: object; requestBody?: unknown }>,
    )) {
      const responses = operation.responses as Record<string, unknown>;
      responses['408'] ??= problem('request_timeout');
      responses['431'] ??= problem('headers_too_large');
      responses['500'] ??= problem('internal_error');
      if (!operation.requestBody) continue;
      responses['413'] ??= problem('payload_too_large');
      responses['415'] ??= problem('unsupported_media_type');
    }
  }
}

/** Swagger UI at /docs and the OpenAPI JSON at /docs-json, built from the decorators. */
export function setupSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Descope auth service')
    .setDescription(
      'Password, one-time code, authenticator-app and session APIs in front of Descope. ' +
        'Errors are application/problem+json (RFC 9457) with a stable `code`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' },
      'metrics-token',
    )
    .addCookieAuth('DS', { type: 'apiKey', in: 'cookie', name: 'DS' }, 'session-cookie')
    .addCookieAuth('DSR', { type: 'apiKey', in: 'cookie', name: 'DSR' }, 'refresh-cookie')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addCommonProblems(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
