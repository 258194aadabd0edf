import { FailureLimiter } from './failure-limiter';

describe('FailureLimiter', () => {
  afterEach(() => jest.useRealTimers());

  it('limits a key after max failures and frees it when the window passes', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const limiter = new FailureLimiter(2, 60);
    limiter.fail('a');
    expect(limiter.retryAfter('a')).toBe(0);
    jest.advanceTimersByTime(10_000);
    limiter.fail('a');
    expect(limiter.retryAfter('a')).toBe(50);
    expect(limiter.retryAfter('b')).toBe(0);
    jest.advanceTimersByTime(50_001);
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new FailureLimiter(1, 60);
    limiter.fail('a');
    expect(limiter.retryAfter('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });
});
