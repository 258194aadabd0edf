import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for this process. Under load V8 may decide that
 * objects made per request (requests, replies, headers, sessions) outlive the young generation
 * and allocate them straight into the old one; they die a moment later, so every scavenge walks
 * old-to-new pointers and full collections come every second. Measured with `npm run bench`:
 * GET /v1/session ran at about 17,000-20,000 req/s with a p99 of 15 ms when V8 had made that
 * decision (it depends on what the first seconds of traffic look like), and at 27,000-30,000
 * with a p99 of 3 ms without it. `npm start`, `npm run start:prod` and the image pass the flag on
 * the command line (NODE_OPTIONS cannot carry it); this call covers a plain
 * `node dist/src/main.js`. V8 reads the flag at each pretenuring decision, so setting it at run
 * time works (the bench measures it; --trace-pretenuring-statistics shows no tenuring), but it
 * must stay the first statement of main.ts. In-process tests (createApp) do not get it. It
 * changes only where V8 places new objects, never what the program does.
 */
export function tuneV8(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
