import { JwksKeyStore } from '@app/auth';
import { controllerApp, ControllerApp } from '../../test/support/controller-app';
import { HealthController } from './health.controller';

describe('HealthController', () => {
  let c: ControllerApp;
  const keys = { ready: false, refresh: jest.fn().mockResolvedValue(undefined) };

  beforeAll(async () => {
    c = await controllerApp(HealthController, [{ provide: JwksKeyStore, useValue: keys }]);
  });
  afterAll(() => c.close());

  it('GET /health/live answers 200 whatever the keys', async () => {
    expect(await c.send('GET', '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('GET /health/ready answers 503 not_ready until the keys are loaded, then 200', async () => {
    const before = await c.send('GET', '/health/ready');
    expect([before.status, before.body.code]).toEqual([503, 'not_ready']);
    expect(keys.refresh).not.toHaveBeenCalled(); // probes never trigger key fetches
    keys.ready = true;
    expect(await c.send('GET', '/health/ready')).toEqual({
      status: 200,
      body: { status: 'ready' },
    });
  });
});
