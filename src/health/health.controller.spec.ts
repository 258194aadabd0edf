import { JwksKeyStore, RevocationFeed } from '@app/auth';
import { TerminusModule } from '@nestjs/terminus';
import { controllerApp, ControllerApp } from '../../test/support/controller-app';
import { RedisConnection } from '../redis/redis-connection';
import { DependencyIndicators } from './dependency.indicators';
import { RevocationPublisher } from '../revocation/revocation-publisher';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './readiness.indicators';

describe('HealthController', () => {
  let c: ControllerApp;
  const keys = {
    ready: false,
    keyCount: 0,
    lastFetch: undefined as { ok: boolean; at: number } | undefined,
    refresh: jest.fn().mockResolvedValue(undefined),
  };
  const revocations = { pending: 0 };
  const feed = { configured: true, current: true };
  const redis = { client: { ping: jest.fn().mockRejectedValue(new Error('ECONNREFUSED')) } };

  beforeAll(async () => {
    c = await controllerApp(
      HealthController,
      [
        ReadinessIndicators,
        DependencyIndicators,
        { provide: JwksKeyStore, useValue: keys },
        { provide: RedisConnection, useValue: redis },
        { provide: RevocationPublisher, useValue: revocations },
        { provide: RevocationFeed, useValue: feed },
      ],
      [TerminusModule.forRoot({ logger: false })],
    );
  });
  afterAll(() => c.close());

  it('GET /health/live answers 200 whatever the keys', async () => {
    const live = await c.send('GET', '/health/live');
    expect([live.status, live.body.status]).toEqual([200, 'ok']);
  });

  it('GET /health/ready answers 503 not_ready naming the failing check until the keys load', async () => {
    const before = await c.send('GET', '/health/ready');
    expect([before.status, before.body.code]).toEqual([503, 'not_ready']);
    expect(before.body.detail).toBe('Not ready: signingKeys (signing keys not loaded yet)');
    expect(keys.refresh).not.toHaveBeenCalled(); // probes never trigger key fetches
  });

  it('is ready once the keys load, with Descope up and an unreachable Redis only degraded', async () => {
    Object.assign(keys, { ready: true, keyCount: 2, lastFetch: { ok: true, at: Date.now() } });
    const ready = await c.send('GET', '/health/ready');
    expect([ready.status, ready.body.status]).toEqual([200, 'degraded']);
    expect(ready.body.details).toMatchObject({
      config: { status: 'up' },
      signingKeys: { status: 'up', keys: 2 },
      descope: { status: 'up' },
      redis: { status: 'degraded', message: 'unreachable' },
    });
  });

  it('reports Descope as degraded when the key store could not reach it, still ready', async () => {
    keys.lastFetch = { ok: false, at: Date.now() - 30_000 };
    const ready = await c.send('GET', '/health/ready');
    expect([ready.status, ready.body.details.descope]).toEqual([
      200,
      { status: 'degraded', message: 'the last key fetch failed', lastKeyFetchSecondsAgo: 30 },
    ]);
  });

  it('reports revocations waiting for Redis as degraded, still ready', async () => {
    revocations.pending = 3;
    const ready = await c.send('GET', '/health/ready');
    expect([ready.status, ready.body.details.revocations]).toEqual([
      200,
      { status: 'degraded', message: 'waiting for Redis to reach the other instances', pending: 3 },
    ]);
    revocations.pending = 0;
    expect((await c.send('GET', '/health/ready')).body.details.revocations).toEqual({
      status: 'up',
      pending: 0,
    });
    feed.current = false;
    expect((await c.send('GET', '/health/ready')).body.details.revocations).toEqual({
      status: 'degraded',
      message: "not yet caught up with the other instances' revocations",
      pending: 0,
    });
    feed.current = true;
  });
});
