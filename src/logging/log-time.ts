/**
 * pino's `isoTime` (`,"time":"2026-11-24T10:00:00.000Z"`), formatted once per millisecond: at
 * thousands of lines a second most lines share their millisecond with the one before, and
 * `toISOString` was about 2 % of a memo hit's CPU time. The text is the same as `isoTime`'s.
 */
let lastMs = Number.NaN;
let lastText = '';

export function isoTimeOncePerMs(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastText = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastText;
}
