import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { IdleHeapTrimmer, lastResortGc, trimHeapWhenIdle } from './idle-heap-trim';

const MB = 1024 * 1024;

describe('IdleHeapTrimmer', () => {
  function build(rssMb: number[]) {
    let rss = rssMb.shift()!;
    const collect = jest.fn(() => {
      rss = rssMb.shift() ?? rss;
      return Promise.resolve();
    });
    const trimmer = new IdleHeapTrimmer(
      collect,
      () => rss * MB,
      { idleMs: 1000, growthBytes: 64 * MB },
      0,
    );
    return { trimmer, collect, grow: (mb: number) => (rss += mb) };
  }

  it('collects once the process has been quiet for idleMs after growing', async () => {
    const { trimmer, collect, grow } = build([150, 160]);
    grow(150);
    trimmer.seen();
    expect(await trimmer.tick(500)).toBe(false); // busy
    expect(await trimmer.tick(1000)).toBe(false); // quiet for 500 ms only
    expect(await trimmer.tick(1500)).toBe(true);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('does not collect while requests keep arriving, or when the heap has not grown', async () => {
    const { trimmer, collect, grow } = build([150]);
    expect(await trimmer.tick(5000)).toBe(false); // quiet, but no growth
    grow(150);
    for (let now = 6000; now < 20_000; now += 500) {
      trimmer.seen();
      expect(await trimmer.tick(now)).toBe(false);
    }
    expect(collect).not.toHaveBeenCalled();
  });

  it('after a trim, waits for new growth above what the trim left', async () => {
    const { trimmer, collect, grow } = build([150, 200]);
    grow(150);
    expect(await trimmer.tick(2000)).toBe(true); // 300 -> 200 MB
    expect(await trimmer.tick(4000)).toBe(false); // still 200: nothing new to give back
    grow(70);
    expect(await trimmer.tick(6000)).toBe(true);
    expect(collect).toHaveBeenCalledTimes(2);
  });
});

describe('lastResortGc', () => {
  it("runs V8's collection without putting gc on the app's global", async () => {
    const collect = lastResortGc();
    await expect(collect()).resolves.toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});

describe('trimHeapWhenIdle', () => {
  it('watches the server for requests when on, and not at all when HEAP_TRIM_IDLE_MS is 0', () => {
    const server = new EventEmitter();
    trimHeapWhenIdle(server as Server, 0)();
    expect(server.listenerCount('request')).toBe(0);
    const stop = trimHeapWhenIdle(server as Server, 1000);
    expect(server.listenerCount('request')).toBe(1);
    stop();
    expect(server.listenerCount('request')).toBe(0);
  });
});
