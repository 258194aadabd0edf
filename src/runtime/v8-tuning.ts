import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * runs the next one: 100 % (twice the live size). V8's own factor follows the ratio of collection
 * to allocation speed under a ceiling set by its heap limit: 4 once the limit is 2 GB or more (any
 * machine with 8 GB), sloping down to 1.3 at a 256 MB limit (a small container). The flag replaces
 * V8's factor, in every mode, so it is set only where V8's ceiling would be higher than 2.
 * Sign-in promotes the objects of its requests in flight at each young collection; with V8's
 * factor they piled up to about 150 MB of old space and the process peaked at about 300 MB in
 * `npm run bench`, with this one at about 75 MB and 231-239 MB. It cost no CPU that
 * `npm run bench:ab -- <other checkout> signin 6` (or `session 6`) could see: medians of 462 µs per
 * sign-in with it against 505 without, 65 µs per memo hit against 67, rounds varying by ±20 %.
 * Unlike `--max-old-space-size` it sets no limit that a larger memo or a burst could hit.
 */
export const HEAP_GROWING_PERCENT = 100;

/** From this heap limit up, V8's own growing factor may exceed 2 (see HEAP_GROWING_PERCENT). */
export const LARGE_HEAP_LIMIT = 2 * 1024 ** 3;

/**
 * Tunes V8's heap for a long-running service: the growing factor above (on a large heap limit)
 * and no allocation-site pretenuring. With pretenuring, under load V8 may decide that objects
 * made per request (requests, replies, headers, sessions) outlive the young generation and
 * allocate them straight into the old one; they die a moment later, so every scavenge walks
 * old-to-new pointers and full collections come every second. Measured with `npm run bench`:
 * GET /v1/session ran at about 17,000-20,000 req/s with a p99 of 15 ms when V8 had made that
 * decision (it depends on what the first seconds of traffic look like), and at 27,000-30,000
 * with a p99 of 3 ms without it. `npm start`, `npm run start:prod` and the image also pass
 * `--no-allocation-site-pretenuring` on the command line (NODE_OPTIONS cannot carry it). V8 reads
 * both flags when it uses them (at each pretenuring decision, at each full collection), so
 * setting them at run time works (the bench measures it; --trace-pretenuring-statistics shows no
 * tenuring), but this must stay the first statement of main.ts. In-process tests (createApp) do
 * not get it. It changes only where and when V8 places and collects objects, never what the
 * program does.
 */
export function tuneV8(heapLimit = getHeapStatistics().heap_size_limit): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
  if (heapLimit >= LARGE_HEAP_LIMIT) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
}
