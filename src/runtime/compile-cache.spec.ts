import { getCompileCacheDir } from 'node:module';
import { cacheCompiledModules } from './compile-cache';

describe('cacheCompiledModules', () => {
  it("turns on Node's compile cache for the modules loaded after it", () => {
    // Jest's process.env is a copy Node's own code does not read: the default directory is used.
    expect(getCompileCacheDir()).toBeUndefined();
    cacheCompiledModules();
    expect(getCompileCacheDir()).toMatch(/node-compile-cache/);
  });
});
