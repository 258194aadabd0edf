import { runInNewContext } from 'node:vm';
import { IdleHeapTrimmer, lastResortGc } from './idle-heap-trim';

const MB = 1024 * 1024;

describe('IdleHeapTrimmer', () => {
  function build(rssMb: number[]) {
    let rss = rssMb.shift()!;
    const collect = jest.fn(() => {
      rss = rssMb.shift() ?? rss;
      return Promise.resolve();
    });
    const options = { idleMs: 1000, growthBytes: 64 * MB };
    const trimmer = new IdleHeapTrimmer(collect, () => rss * MB, options, 0);
    return { trimmer, collect, grow: (mb: number) => (rss += mb) };
  }

  it('collects once no request has been in flight for idleMs after the heap grew', async () => {
    const { trimmer, collect, grow } = build([150, 160]);
    grow(150);
    expect(await trimmer.tick(500)).toBe(false); // quiet for 500 ms only
    expect(await trimmer.tick(1000)).toBe(true);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('does not collect while a request is in flight, however long, nor right after it ends', async () => {
    const { trimmer, collect, grow } = build([150]);
    grow(150);
    const done = trimmer.started();
    for (let now = 0; now < 10_000; now += 500) expect(await trimmer.tick(now)).toBe(false);
    done();
    done(); // a second call changes nothing
    expect(await trimmer.tick(performance.now() + 500)).toBe(false);
    expect(collect).not.toHaveBeenCalled();
    expect(await trimmer.tick(performance.now() + 1000)).toBe(true);
  });

  it('does not collect when the heap has not grown, and after a trim waits for new growth', async () => {
    const { trimmer, collect, grow } = build([150, 200]);
    expect(await trimmer.tick(5000)).toBe(false); // quiet, no growth
    grow(150);
    expect(await trimmer.tick(6000)).toBe(true); // 300 -> 200 MB
    expect(await trimmer.tick(8000)).toBe(false); // still 200: nothing new to give back
    grow(70);
    expect(await trimmer.tick(10_000)).toBe(true);
    expect(collect).toHaveBeenCalledTimes(2);
  });
});

describe('lastResortGc', () => {
  it("runs V8's collection, and no context made afterwards has a gc", async () => {
    const collect = lastResortGc();
    await expect(collect()).resolves.toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
