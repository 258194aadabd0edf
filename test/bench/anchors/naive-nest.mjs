// Anchor (b): the naive service. Nest 12 on Express (Nest's default), one controller that calls
// the Descope SDK directly: validateSession per request, password.signIn for sign-in. Nothing
// more: no validation pipe, guards, logging or limits. Written in plain JavaScript with Nest's
// decorators applied by hand, so it needs no build step.
import DescopeClient from '@descope/node-sdk';
import { Body, Controller, Get, HttpCode, HttpException, Module, Post, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const { DESCOPE_BASE_URL: baseUrl, DESCOPE_PROJECT_ID: projectId } = process.env;
const descope = DescopeClient({ projectId, baseUrl });

class SessionController {
  async session(request) {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    try {
      const { token: claims } = await descope.validateSession(token);
      return { userId: claims.sub };
    } catch {
      throw new HttpException('invalid session', 401);
    }
  }

  async signIn(body) {
    const result = await descope.password.signIn(body.loginId, body.password);
    if (!result.ok) throw new HttpException('sign-in failed', 401);
    return result.data;
  }
}
const method = (name) => Object.getOwnPropertyDescriptor(SessionController.prototype, name);
Controller()(SessionController);
Get('session')(SessionController.prototype, 'session', method('session'));
Req()(SessionController.prototype, 'session', 0);
Post('signin')(SessionController.prototype, 'signIn', method('signIn'));
HttpCode(200)(SessionController.prototype, 'signIn', method('signIn'));
Body()(SessionController.prototype, 'signIn', 0);

class AppModule {}
Module({ controllers: [SessionController] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: ['error'] });
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
