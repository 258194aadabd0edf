import { RouteTable } from './route-table';

describe('RouteTable', () => {
  const handler = () => ({});
  const table = new RouteTable([
    { method: 'GET', path: '/v2/keys/:projectId', scope: 'open', handler },
    { method: 'POST', path: '/v1/auth/refresh', scope: 'auth', handler },
  ]);

  it('matches exact paths and captures parameters', () => {
    expect(table.match('POST', '/v1/auth/refresh')?.params).toEqual({});
    expect(table.match('GET', '/v2/keys/P2abc')?.params).toEqual({ projectId: 'P2abc' });
  });

  it('does not match another method, a longer path or a trailing slash', () => {
    expect(table.match('GET', '/v1/auth/refresh')).toBeUndefined();
    expect(table.match('GET', '/v2/keys/P2abc/extra')).toBeUndefined();
    expect(table.match('POST', '/v1/auth/refresh/')).toBeUndefined();
  });
});
