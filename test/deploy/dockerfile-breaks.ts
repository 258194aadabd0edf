/* Broken copies of the Dockerfile, each with the problem line its check must print. */

/** Replaces `from` in the last stage (the service's), in the emulator stage, or anywhere. */
const swapIn =
  (part: 'last' | 'emulator' | 'anywhere', from: string | RegExp, to: string) => (text: string) => {
    const at = {
      last: text.lastIndexOf('\nFROM '),
      emulator: text.search(/^FROM .* AS emulator$/m),
    };
    const start = part === 'anywhere' ? 0 : at[part];
    const next = text.indexOf('\nFROM ', start + 1);
    const end = part === 'emulator' && next >= 0 ? next : text.length;
    const stage = text.slice(start, end);
    if (start < 0 || !stage.match(from))
      throw new Error(`the Dockerfile no longer holds ${String(from)} (${part})`);
    return text.slice(0, start) + stage.replace(from, to) + text.slice(end);
  };
const swap = (from: string | RegExp, to: string) => swapIn('last', from, to);
const inEmulator = (from: string | RegExp, to: string) => swapIn('emulator', from, to);
const anywhere = (from: string | RegExp, to: string) => swapIn('anywhere', from, to);

export const DOCKERFILE_BREAKS: [string, (text: string) => string, string][] = [
  ['it has one stage', (t) => t.slice(t.lastIndexOf('\nFROM ') + 1), 'not multi-stage'],
  ['it runs as root', swap(/^USER .*$/m, 'USER root'), 'the final stage runs as root'],
  ['it runs as uid 0', swap(/^USER .*$/m, 'USER 0:0'), 'the final stage runs as root'],
  ['it has no USER', swap(/^USER .*$/m, ''), 'the final stage runs as root'],
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
  ['the base is Node 22', anywhere(/node:24-slim/g, 'node:22-slim'), 'is not a Node 24 image'],
  ['CMD starts another file', swap(/^CMD .*$/m, 'CMD ["node", "dist/main.js"]'), 'CMD is not'],
  ['port 3000 is not exposed', swap(/^EXPOSE .*$/m, ''), '3000 is not exposed'],
  ['dist is not copied from the build', swap(/^COPY --from=\S+ /m, 'COPY '), 'does not copy dist/'],
  ['a flag is misspelt', swap('--interval=10s', '--interval=ten'), 'invalid duration ten'],
  ['an instruction is misspelt', swap('WORKDIR /app', 'WORKDIR'), 'Instruction has no arguments'],
  ['there is no emulator stage', anywhere(/ AS emulator$/m, ' AS sim'), 'no stage named emulator'],
  [
    'the emulator stage comes last',
    (t) => {
      const [start, end] = [t.indexOf('FROM node:24-slim AS emulator'), t.lastIndexOf('# ---')];
      return `${t.slice(0, start)}${t.slice(end)}\n${t.slice(start, end)}`;
    },
    'emulator stage: it is the last stage',
  ],
  [
    'a stage starts from an unknown one',
    anywhere(/^FROM build AS emulator-package$/m, 'FROM builder AS emulator-package'),
    'FROM builder is not a Node 24 image',
  ],
  ['the emulator runs as root', inEmulator(/^USER .*$/m, 'USER 0'), 'emulator stage: runs as root'],
  ['the emulator has no USER', inEmulator(/^USER .*$/m, ''), 'emulator stage: runs as root'],
  [
    'the emulator listens on loopback',
    inEmulator('EMULATOR_HOST=0.0.0.0', 'EMULATOR_HOST=127.0.0.1'),
    'emulator stage: EMULATOR_HOST is not 0.0.0.0',
  ],
  [
    'the emulator listens on another port',
    inEmulator('EMULATOR_PORT=4500', 'EMULATOR_PORT=4501'),
    'emulator stage: EMULATOR_PORT is not 4500',
  ],
  ['4500 is not exposed', inEmulator(/^EXPOSE .*$/m, 'EXPOSE 4501'), 'emulator stage: 4500 is not'],
  [
    'the emulator has no healthcheck',
    inEmulator(/^HEALTHCHECK (.*\\\n)*.*$/m, ''),
    'emulator stage: no HEALTHCHECK',
  ],
  [
    'the emulator starts another file',
    inEmulator(/^ENTRYPOINT .*$/m, 'ENTRYPOINT ["node", "dist/libs/descope-emulator/src/main.js"]'),
    'emulator stage: it does not start',
  ],
  [
    'the emulator carries the service',
    inEmulator(/^COPY .*$/m, 'COPY --from=build /app/dist ./dist'),
    "emulator stage: it carries the service's dist",
  ],
];
