import { enableCompileCache } from 'node:module';

/**
 * Turns on Node's on-disk cache of compiled modules (`module.enableCompileCache`, Node >= 22.1), so
 * a start after the first loads the V8 code it compiled last time instead of compiling the
 * service's and its packages' JavaScript again. About two-thirds of start-up is loading modules,
 * and compiling them is a third of that (a `--cpu-prof` of a start); with the cache, start to
 * ready was 8-13% shorter (`npm run bench:ab -- <other checkout> start 10`). The cache lives in
 * `NODE_COMPILE_CACHE` if set, else `<tmpdir>/node-compile-cache`; entries are checked against
 * each file's content and the Node version, so a rebuild or an upgrade only recompiles.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off; a directory that cannot be written (a read-only
 * file system) leaves it off, and the service starts as it would without it. It must run before
 * the modules it should cover are loaded: second in main.ts, after tuneV8.
 */
export function cacheCompiledModules(): void {
  enableCompileCache?.();
}
