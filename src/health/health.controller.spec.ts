import { JwksKeyStore, RevocationFeed } from '@app/auth';
import { TerminusModule } from '@nestjs/terminus';
import { controllerApp, ControllerApp } from '../../test/support/controller-app';
import { RedisConnection } from '../redis/redis-connection';
import { DependencyIndicators } from './dependency.indicators';
import { RevocationPublisher } from '../revocation/revocation-publisher';
import { HealthController } from './health.controller';
import { ReadinessCheck } from './readiness-check';
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
        ReadinessCheck,
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

  /** The detailed answer the management port serves. */
  const details = () => c.app.get(ReadinessCheck).ready() as Promise<Record<string, any>>;

  it('GET /health/ready answers 503 not_ready, naming nothing, until the keys load', async () => {
    const before = await c.send('GET', '/health/ready');
    expect([before.status, before.body.code]).toEqual([503, 'not_ready']);
    expect(before.body.detail).toBe('Not ready; retry shortly');
    await expect(details()).rejects.toMatchObject({
      detail: 'Not ready: signingKeys (signing keys not loaded yet)',
    });
    expect(keys.refresh).not.toHaveBeenCalled(); // probes never trigger key fetches
  });

  it('is ready once the keys load, with Descope up and an unreachable Redis only degraded', async () => {
    Object.assign(keys, { ready: true, keyCount: 2, lastFetch: { ok: true, at: Date.now() } });
    const ready = await c.send('GET', '/health/ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'degraded' }]);
    expect((await details()).details).toMatchObject({
      config: { status: 'up' },
      signingKeys: { status: 'up', keys: 2 },
      descope: { status: 'up' },
      redis: { status: 'degraded', message: 'unreachable' },
    });
  });

  it('reports Descope as degraded when the key store could not reach it, still ready', async () => {
    keys.lastFetch = { ok: false, at: Date.now() - 30_000 };
    expect((await details()).details.descope).toEqual({
      status: 'degraded',
      message: 'the last key fetch failed',
      lastKeyFetchSecondsAgo: 30,
    });
  });

  it('reports revocations waiting for Redis as degraded, still ready', async () => {
    revocations.pending = 3;
    expect((await details()).details.revocations).toEqual({
      status: 'degraded',
      message: 'waiting for Redis to reach the other instances',
      pending: 3,
    });
    revocations.pending = 0;
    expect((await details()).details.revocations).toEqual({
      status: 'up',
      pending: 0,
    });
    feed.current = false;
    expect((await details()).details.revocations).toEqual({
      status: 'degraded',
      message: "not yet caught up with the other instances' revocations",
      pending: 0,
    });
    feed.current = true;
  });
});
