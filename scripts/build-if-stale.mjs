// Builds with `nest build` only when the sources changed since the last build, so a second
// `npm start` starts at once. The fingerprint covers every file the build reads (path, size,
// modification time), so an edit, a new file, a deletion or a new lock file all rebuild.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = [
  'src',
  'libs',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'package-lock.json',
];
const STAMP = 'dist/.build-fingerprint';
const skipped = (name) => name === 'dist' || name === 'node_modules' || name.endsWith('.spec.ts');

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) return yield path;
  for (const entry of readdirSync(path).sort())
    if (!skipped(entry)) yield* files(join(path, entry));
}

const hash = createHash('sha256');
for (const file of INPUTS.flatMap((input) => [...files(input)])) {
  const { size, mtimeMs } = statSync(file);
  hash.update(`${file}\0${size}\0${mtimeMs}\n`);
}
const fingerprint = hash.digest('hex');
const built = existsSync('dist/src/main.js') && existsSync(STAMP);
if (built && readFileSync(STAMP, 'utf8') === fingerprint) {
  console.log('dist/ is up to date with the sources: not rebuilding');
} else {
  const nest = join('node_modules', '.bin', process.platform === 'win32' ? 'nest.cmd' : 'nest');
  const { status } = spawnSync(nest, ['build'], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
  writeFileSync(STAMP, fingerprint);
}
