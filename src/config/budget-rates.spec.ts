import { validateEnvironment } from './env.validation';

describe('budget rates', () => {
  it('reads count/duration lists, and off', () => {
    const config = validateEnvironment({
      AUTH_FAILURES_PER_CLIENT: '3/30s',
      SENDS_PER_LOGIN_ID: '5/15m, 20/1d',
      SENDS_PER_DEVICE: 'off',
    });
    expect(config.AUTH_FAILURES_PER_CLIENT).toEqual([{ limit: 3, windowMs: 30_000 }]);
    expect(config.SENDS_PER_LOGIN_ID).toEqual([
      { limit: 5, windowMs: 900_000 },
      { limit: 20, windowMs: 86_400_000 },
    ]);
    expect(config.SENDS_PER_DEVICE).toEqual([]);
    expect(validateEnvironment({}).AUTH_FAILURES_PER_ACCOUNT).toEqual([
      { limit: 20, windowMs: 3_600_000 },
    ]);
  });

  it('refuses anything else, naming the key', () => {
    for (const bad of ['5', '5/15', 'five/1m', '0/1m', '5/0m', '5/1w'])
      expect(() => validateEnvironment({ AUTH_FAILURES_PER_CLIENT: bad })).toThrow(
        'AUTH_FAILURES_PER_CLIENT',
      );
  });
});
