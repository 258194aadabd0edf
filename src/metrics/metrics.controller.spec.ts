import { controllerApp, ControllerApp } from '../../test/support/controller-app';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

describe('MetricsController', () => {
  let c: ControllerApp;

  beforeAll(async () => {
    c = await controllerApp(MetricsController, [MetricsService]);
  });
  afterAll(() => c.close());

  it('GET /metrics answers the Prometheus text of the registry', async () => {
    c.app.get(MetricsService).observe('GET', '/v1/session', 200, 3);
    const response = await c.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain(
      'http_requests_total{method="GET",route="/v1/session",status="200"} 1',
    );
  });
});
