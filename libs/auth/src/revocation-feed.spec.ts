import { EventEmitter } from 'node:events';
import { encodeRevocation, tokenHash } from './revocation';
import { RevocationFeed, revocationKeys } from './revocation-feed';
import { RevocationRedis } from './revocation-redis';
import { RevocationSet } from './revocation-set';

const now = Math.floor(Date.now() / 1000);
const entry = (sub: string) =>
  encodeRevocation({ type: 'token', sub, hash: tokenHash(sub), until: now + 60 });

/** A Redis stand-in: a sorted set's live members, and events the test fires. */
class FakeRedis extends EventEmitter {
  members: string[] = [];
  failReads = 0;
  subscribed: string[] = [];
  subscribe(channel: string) {
    this.subscribed.push(channel);
    return Promise.resolve(1);
  }
  zrangebyscore(
    _key: string,
    _min: number,
    _max: string,
    _limit: 'LIMIT',
    offset: number,
    count: number,
  ) {
    if (this.failReads-- > 0) return Promise.reject(new Error('down'));
    return Promise.resolve(this.members.slice(offset, offset + count));
  }
  disconnect() {}
}

describe('RevocationFeed', () => {
  const keys = revocationKeys('test');
  let redis: FakeRedis;
  let set: RevocationSet;
  let feed: RevocationFeed;
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    redis = new FakeRedis();
    set = new RevocationSet();
    const connect = () => redis as unknown as RevocationRedis;
    feed = new RevocationFeed(set, {
      projectId: 'P',
      baseUrl: 'http://x',
      revocationFeed: { connect, prefix: 'test' },
    });
    feed.onModuleInit();
  });
  afterEach(() => {
    feed.onApplicationShutdown();
    set.onModuleDestroy();
  });

  it('subscribes and loads the live entries on every connection, so nothing missed is lost', async () => {
    redis.members = [entry('U1')];
    redis.emit('ready');
    await settle();
    expect(redis.subscribed).toEqual([keys.channel]);
    expect([feed.current, set.size]).toEqual([true, 1]);
    // Published while this process was cut off: found on reconnection.
    redis.members.push(entry('U2'));
    redis.emit('ready');
    await settle();
    expect([feed.current, set.size]).toEqual([true, 2]);
  });

  it('reads a large set in pages', async () => {
    redis.members = Array.from({ length: 2500 }, (_, i) => entry(`U${i}`));
    redis.emit('ready');
    await settle();
    expect(set.size).toBe(2500);
  });

  it('applies what it hears on its channel, and only well-formed revocations', () => {
    redis.emit('message', keys.channel, entry('U3'));
    redis.emit('message', 'another-channel', entry('U4'));
    redis.emit('message', keys.channel, '{"type":"user","sub":"U5"}');
    expect(set.size).toBe(1);
  });

  it('retries a load that failed, subscribing again too', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      redis.failReads = 1;
      redis.members = [entry('U6')];
      redis.emit('ready');
      await settle();
      expect(feed.current).toBe(false);
      jest.advanceTimersByTime(100);
      await settle();
      expect([feed.current, set.size, redis.subscribed.length]).toEqual([true, 1, 2]);
    } finally {
      jest.useRealTimers();
    }
  });
});
