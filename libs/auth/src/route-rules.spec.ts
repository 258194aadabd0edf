import { Reflector } from '@nestjs/core';
import { Permissions, Public, RefreshTokenRequired, Roles, TenantRoles } from './auth.decorators';
import { CURRENT_TENANT } from './authorization';
import { RouteRulesCache } from './route-rules';

@Roles('admin')
class Base {
  read(): void {}

  @Permissions('audit:read')
  audit(): void {}
}

/** Inherits `read` and `audit` (the same functions as Base's) under other class-level rules. */
@Public()
class Open extends Base {}

class Tenanted {
  @TenantRoles('editor')
  edit(): void {}

  @RefreshTokenRequired()
  refresh(): void {}
}

describe('RouteRulesCache', () => {
  const reflector = new Reflector();

  it('reads skip and the project and current-tenant requirements from the decorators', () => {
    const rules = new RouteRulesCache(reflector);
    expect(rules.of(Base.prototype.audit, Base)).toEqual({
      skip: false,
      requirements: [{ roles: ['admin'], permissions: ['audit:read'] }],
    });
    expect(rules.of(Tenanted.prototype.edit, Tenanted)).toEqual({
      skip: false,
      requirements: [{ roles: ['editor'], permissions: undefined, tenant: CURRENT_TENANT }],
    });
    expect(rules.of(Tenanted.prototype.refresh, Tenanted)).toEqual({
      skip: true,
      requirements: [],
    });
  });

  it('keeps a handler inherited by another controller apart from its first controller', () => {
    const rules = new RouteRulesCache(reflector);
    expect(rules.of(Base.prototype.read, Base).skip).toBe(false);
    expect(rules.of(Open.prototype.read, Open).skip).toBe(true);
    expect(rules.of(Base.prototype.read, Base).skip).toBe(false);
  });

  it('reads the decorators once per handler and controller', () => {
    const rules = new RouteRulesCache(reflector);
    const reads = jest.spyOn(reflector, 'getAllAndOverride');
    const first = rules.of(Base.prototype.audit, Base);
    const count = reads.mock.calls.length;
    expect(count).toBeGreaterThan(0);
    expect(rules.of(Base.prototype.audit, Base)).toBe(first);
    expect(reads.mock.calls.length).toBe(count);
    reads.mockRestore();
  });
});
