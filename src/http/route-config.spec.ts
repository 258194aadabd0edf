import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { Audited } from '../audit/audited.decorator';
import { HidesAccounts } from '../policies/hide-accounts';
import { IssuesTokens } from '../tokens/issues-tokens';
import Fastify from 'fastify';
import { hookRoutesWith, WithRouteConfig } from './route-config';

class Routes {
  @HidesAccounts({ code: 'invalid_credentials', detail: 'Wrong login id or password' })
  @Audited('password.signin')
  @IssuesTokens()
  signIn(): void {}

  @WithRouteConfig({ a: 1 })
  @WithRouteConfig({ a: 2, b: 3 })
  overridden(): void {}
}

const configOf = (handler: object): unknown =>
  Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler);

describe('WithRouteConfig', () => {
  it('keeps the keys other decorators set on the route', () => {
    expect(configOf(Routes.prototype.signIn)).toEqual({
      hidesAccounts: {
        failure: { code: 'invalid_credentials', detail: 'Wrong login id or password' },
      },
      auditAction: 'password.signin',
      issuesTokens: true,
    });
  });

  it('lets the outer decorator win for a key both set', () => {
    expect(configOf(Routes.prototype.overridden)).toEqual({ a: 1, b: 3 });
  });
});

type DoneWith = (error: null, payload: unknown) => void;

describe('hookRoutesWith', () => {
  it('runs the hook on the routes whose config has the key, beside their own hooks, and no others', async () => {
    const fastify = Fastify();
    const seen: string[] = [];
    hookRoutesWith(fastify, 'marked', 'onSend', (request, _reply, payload, done) => {
      seen.push(request.url);
      done(null, payload);
    });
    const own = (_request: unknown, _reply: unknown, payload: unknown, done: DoneWith) => {
      seen.push('own');
      done(null, payload);
    };
    fastify.get('/marked', { config: { marked: true }, onSend: own }, () => 'a');
    fastify.get('/plain', () => 'b');
    await fastify.inject('/marked');
    await fastify.inject('/plain');
    expect(seen).toEqual(['own', '/marked']);
    await fastify.close();
  });
});
