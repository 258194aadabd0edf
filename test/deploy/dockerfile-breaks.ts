/* Broken copies of the Dockerfile, each with the problem line its check must print. */

const swap = (from: string | RegExp, to: string) => (text: string) => {
  if (!text.match(from)) throw new Error(`the Dockerfile no longer holds ${String(from)}`);
  return text.replace(from, to);
};

export const DOCKERFILE_BREAKS: [string, (text: string) => string, string][] = [
  ['it has one stage', (t) => t.slice(t.lastIndexOf('\nFROM ') + 1), 'not multi-stage'],
  ['it runs as root', swap(/^USER .*$/m, 'USER root'), 'runs as root or a named user'],
  ['it runs as uid 0', swap(/^USER .*$/m, 'USER 0:0'), 'runs as root or a named user'],
  ['it has no USER', swap(/^USER .*$/m, ''), 'runs as root or a named user'],
  [
    'NODE_ENV is development',
    swap('NODE_ENV=production', 'NODE_ENV=development'),
    'does not set NODE_ENV=production',
  ],
  ['it installs devDependencies', swap('--omit=dev ', ''), 'installs without --omit=dev'],
  [
    'the healthcheck asks /health',
    swap('/health/live', '/health'),
    'no HEALTHCHECK on /health/live',
  ],
  ['the base is Node 22', swap(/node:24-slim/g, 'node:22-slim'), 'is not a Node 24 image'],
  ['CMD starts another file', swap(/^CMD .*$/m, 'CMD ["node", "dist/main.js"]'), 'CMD is not'],
  ['port 3000 is not exposed', swap(/^EXPOSE .*$/m, ''), '3000 is not exposed'],
  ['dist is not copied from the build', swap(/^COPY --from=\S+ /m, 'COPY '), 'does not copy dist/'],
  ['a flag is misspelt', swap('--interval=10s', '--interval=ten'), 'invalid duration ten'],
  ['an instruction is misspelt', swap('WORKDIR /app', 'WORKDIR'), 'Instruction has no arguments'],
];
