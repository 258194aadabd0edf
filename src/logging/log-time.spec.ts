import { stdTimeFunctions } from 'pino';
import { isoTimeOncePerMs } from './log-time';

describe('isoTimeOncePerMs', () => {
  afterEach(() => jest.useRealTimers());

  it("writes pino's isoTime text, and follows the clock from one millisecond to the next", () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T10:00:00.123Z') });
    expect(isoTimeOncePerMs()).toBe(stdTimeFunctions.isoTime());
    expect(isoTimeOncePerMs()).toBe(',"time":"2026-11-24T10:00:00.123Z"');
    jest.setSystemTime(new Date('2026-11-24T10:00:00.124Z'));
    expect(isoTimeOncePerMs()).toBe(',"time":"2026-11-24T10:00:00.124Z"');
    jest.setSystemTime(new Date('2026-11-24T09:59:59.000Z'));
    expect(isoTimeOncePerMs()).toBe(stdTimeFunctions.isoTime());
  });
});
