import { Cmd, Copy, DockerfileParser, Env, Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/** Language Server Protocol severities: 1 error, 2 warning (3 and 4 are hints). */
const WARNING = 2;

const words = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());

/** The instructions of the last stage: what the image that runs is made of. */
function finalStage(text: string): { stages: number; last: Instruction[]; problems: string[] } {
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const problems = froms
    .filter((from) => from.getImageName() !== 'node' || !/^24(\D|$)/.test(from.getImageTag() ?? ''))
    .map((from) => `FROM ${from.getImage()} is not a Node 24 image`);
  const start = froms.at(-1)?.getRange().start.line ?? 0;
  const last = dockerfile.getInstructions().filter((i) => i.getRange().start.line > start);
  return { stages: froms.length, last, problems };
}

/**
 * Every problem found in the Dockerfile: dockerfile-utils' errors and warnings, then what the
 * runtime stage must hold (a non-root numeric USER, NODE_ENV=production, production dependencies
 * only, the liveness HEALTHCHECK, the entry point `start:prod` runs).
 */
export function dockerfileProblems(text: string, startProd: string): string[] {
  const problems = validate(text)
    .filter((diagnostic) => (diagnostic.severity ?? WARNING) <= WARNING)
    .map(({ range, message }) => {
      const said = typeof message === 'string' ? message : message.value;
      return `line ${range.start.line + 1}: ${said}`;
    });
  const { stages, last, problems: bases } = finalStage(text);
  problems.push(...bases);
  if (stages < 2) problems.push('not multi-stage: the build toolchain would ship');
  const of = (keyword: string) => last.filter((i) => i.getKeyword() === keyword);
  const user = of('USER').at(-1);
  const [uid] = (user ? words(user)[0] : '').split(':');
  if (!/^\d+$/.test(uid) || uid === '0')
    problems.push('the final stage runs as root or a named user');
  const env = of('ENV').flatMap((i) => (i instanceof Env ? i.getProperties() : []));
  if (!env.some((p) => p.getName() === 'NODE_ENV' && p.getValue() === 'production'))
    problems.push('the final stage does not set NODE_ENV=production');
  const installs = of('RUN').filter((i) => /\bnpm (ci|install|i)\b/.test(words(i).join(' ')));
  if (!installs.length || installs.some((i) => !words(i).includes('--omit=dev')))
    problems.push('the final stage installs without --omit=dev');
  const health = of('HEALTHCHECK')
    .map((i) => words(i).join(' '))
    .join(' ');
  if (!health.includes('/health/live')) problems.push('no HEALTHCHECK on /health/live');
  if (!of('EXPOSE').some((i) => words(i).includes('3000'))) problems.push('3000 is not exposed');
  if (
    !of('COPY').some((i) => i instanceof Copy && i.getFromFlag() && words(i)[0].endsWith('/dist'))
  )
    problems.push('the final stage does not copy dist/ from the build stage');
  const cmd = of('CMD').at(-1);
  const entry = cmd instanceof Cmd ? cmd.getJSONStrings().map((a) => a.getJSONValue()) : [];
  if (entry.join(' ') !== startProd)
    problems.push(`CMD is not \`${startProd}\` (npm run start:prod)`);
  return problems;
}

/** What .dockerignore must keep out of the build context. */
export function dockerignoreProblems(lines: string[]): string[] {
  return ['node_modules', 'dist', '.git', '.env']
    .filter((entry) => !lines.includes(entry))
    .map((entry) => `.dockerignore does not exclude ${entry}`);
}
