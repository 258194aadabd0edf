import { EventWindow } from './event-window';

describe('EventWindow', () => {
  afterEach(() => jest.useRealTimers());

  it('limits a key after max failures and frees it when the window passes', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const limiter = new EventWindow(2, 60);
    limiter.hit('a');
    expect(limiter.retryAfter('a')).toBe(0);
    jest.advanceTimersByTime(10_000);
    limiter.hit('a');
    expect(limiter.retryAfter('a')).toBe(50);
    expect(limiter.retryAfter('b')).toBe(0);
    jest.advanceTimersByTime(50_001);
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('counts nothing when off', () => {
    const off = new EventWindow(0, 60);
    for (let i = 0; i < 10; i += 1) off.hit('a');
    expect(off.retryAfter('a')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new EventWindow(1, 60);
    limiter.hit('a');
    expect(limiter.retryAfter('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });
});
