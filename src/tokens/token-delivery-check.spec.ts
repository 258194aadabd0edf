import { Controller, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { IssuesTokens, registerTokenDelivery } from './issues-tokens';
import { TokenCookies } from './token-cookies';
import { TokenDeliveryCheck } from './token-delivery-check';
import { TokensModule } from './tokens.module';

@Controller('t')
class TokenRoutes {
  @Post('in')
  @IssuesTokens()
  signIn(): object {
    return {};
  }
}

/** A route declared on a base class: Nest registers it on every controller that extends it. */
abstract class BaseTokenRoutes {
  @Post('in')
  @IssuesTokens()
  signIn(): object {
    return {};
  }
}

@Controller('inherited')
class InheritedTokenRoutes extends BaseTokenRoutes {}

@Controller('p')
class PlainRoutes {
  @Post('x')
  plain(): object {
    return {};
  }
}

async function build(controller: object, withHook: boolean): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    controllers: [controller as new () => object],
    providers: [TokenDeliveryCheck],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  if (withHook) registerTokenDelivery(app.getHttpAdapter().getInstance(), {} as TokenCookies);
  return app;
}

describe('TokenDeliveryCheck', () => {
  it('refuses to start an app whose token routes have no delivery hook', async () => {
    const app = await build(TokenRoutes, false);
    await expect(app.init()).rejects.toThrow(
      'TokenRoutes.signIn issues tokens but the app has no token-delivery hook',
    );
    await app.close();
  });

  it('finds a token route its controller inherits', async () => {
    const app = await build(InheritedTokenRoutes, false);
    await expect(app.init()).rejects.toThrow('InheritedTokenRoutes.signIn issues tokens');
    await app.close();
  });

  it('starts the same app once the hook is registered', async () => {
    const app = await build(TokenRoutes, true);
    await expect(app.init()).resolves.toBe(app);
    await app.close();
  });

  it('starts an app without token routes, hook or not', async () => {
    const app = await build(PlainRoutes, false);
    await expect(app.init()).resolves.toBe(app);
    await app.close();
  });

  it('runs in every app with token routes: TokensModule provides it', () => {
    expect(Reflect.getMetadata('providers', TokensModule)).toContain(TokenDeliveryCheck);
  });
});
