import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { Audited } from '../audit/audited.decorator';
import { HidesAccounts } from '../policies/hide-accounts';
import { IssuesTokens } from '../tokens/issues-tokens';
import { WithRouteConfig } from './route-config';

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
