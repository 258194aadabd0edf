import { controllerApp, ControllerApp } from '../../test/support/controller-app';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

describe('MetricsController', () => {
  let c: ControllerApp;

  beforeAll(async () => {
    c = await controllerApp(MetricsController, [MetricsService]);
  });
  afterAll(() => c.close());

  it('GET /metrics is 404 on the public port without METRICS_TOKEN (the management port has it)', async () => {
    c.app.get(MetricsService).observe('GET', '/v1/session', 200, 3);
    const response = await c.app.inject({ url: '/metrics' });
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
      404,
      'not_found',
    ]);
    expect(response.body).not.toContain('http_requests_total');
  });
});
