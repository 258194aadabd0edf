import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
    .addCookieAuth('DS', { type: 'apiKey', in: 'cookie', name: 'DS' }, 'session-cookie')
    .addCookieAuth('DSR', { type: 'apiKey', in: 'cookie', name: 'DSR' }, 'refresh-cookie')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
