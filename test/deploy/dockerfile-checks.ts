import { Cmd, Copy, DockerfileParser, Entrypoint, Env, Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/** Language Server Protocol severities: 1 error, 2 warning (3 and 4 are hints). */
const WARNING = 2;

const words = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());

/** One `FROM … AS name` and the instructions after it, up to the next FROM. */
interface Stage {
  name?: string;
  instructions: Instruction[];
}

/** The stages in order (the last is the image `docker build` makes by default). */
function stagesOf(text: string): { stages: Stage[]; problems: string[] } {
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const names = new Set<string>();
  const problems: string[] = [];
  const starts = froms.map((from) => from.getRange().start.line);
  const stages = froms.map((from, i) => {
    // A stage may start from an earlier one (FROM build AS …); any other base must be Node 24.
    const image = from.getImageName() ?? '';
    if (!names.has(image) && (image !== 'node' || !/^24(\D|$)/.test(from.getImageTag() ?? '')))
      problems.push(`FROM ${from.getImage()} is not a Node 24 image`);
    const name = from.getBuildStage() ?? undefined;
    if (name) names.add(name);
    const [start, end] = [starts[i], starts[i + 1] ?? Infinity];
    const instructions = dockerfile.getInstructions().filter((instruction) => {
      const line = instruction.getRange().start.line;
      return line > start && line < end;
    });
    return { name, instructions };
  });
  return { stages, problems };
}

/** A stage's instructions of one keyword. */
const ofStage = (stage: Stage | undefined) => (keyword: string) =>
  (stage?.instructions ?? []).filter((i) => i.getKeyword() === keyword);

/** `USER` is a uid (and gid) other than 0: Kubernetes' runAsNonRoot can check a number. */
function runsAsNonRoot(of: (keyword: string) => Instruction[]): boolean {
  const user = of('USER').at(-1);
  const [uid] = (user ? words(user)[0] : '').split(':');
  return /^\d+$/.test(uid) && uid !== '0';
}

const envOf = (of: (keyword: string) => Instruction[]) =>
  new Map(
    of('ENV')
      .flatMap((i) => (i instanceof Env ? i.getProperties() : []))
      .map((p) => [p.getName(), p.getValue()]),
  );

/**
 * Every problem found in the Dockerfile: dockerfile-utils' errors and warnings, then what the
 * runtime stage (the last, the default target) must hold (a non-root numeric USER,
 * NODE_ENV=production, production dependencies only, the liveness HEALTHCHECK, the entry point
 * `start:prod` runs), then the emulator's stage (emulatorStageProblems).
 */
export function dockerfileProblems(
  text: string,
  startProd: string,
  emulatorPackage: EmulatorPackage,
): string[] {
  const problems = validate(text)
    .filter((diagnostic) => (diagnostic.severity ?? WARNING) <= WARNING)
    .map(({ range, message }) => {
      const said = typeof message === 'string' ? message : message.value;
      return `line ${range.start.line + 1}: ${said}`;
    });
  const { stages, problems: bases } = stagesOf(text);
  problems.push(...bases);
  if (stages.length < 2) problems.push('not multi-stage: the build toolchain would ship');
  const of = ofStage(stages.at(-1));
  if (!runsAsNonRoot(of)) problems.push('the final stage runs as root or a named user');
  if (envOf(of).get('NODE_ENV') !== 'production')
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
  return [...problems, ...emulatorStageProblems(stages, emulatorPackage)];
}

/** The packed emulator (libs/descope-emulator/package.json): its name and its bin's file. */
export interface EmulatorPackage {
  name: string;
  bin: string;
}

/** The command the emulator stage must start: the packed library's bin, installed. */
export const emulatorEntry = ({ name, bin }: EmulatorPackage) =>
  `node node_modules/${name}/${bin.replace(/^\.\//, '')}`;

/**
 * `docker build --target emulator`: a stage that is not the default (last) one, runs as a
 * numeric non-root user, listens on every interface on the port it exposes (4500), checks its
 * health on the key set, starts the packed library's bin and carries nothing of the service.
 */
function emulatorStageProblems(stages: Stage[], emulatorPackage: EmulatorPackage): string[] {
  const index = stages.findIndex((stage) => stage.name === 'emulator');
  if (index < 0) return ['no stage named emulator (docker build --target emulator)'];
  const problems: string[] = [];
  const at = (problem: string) => problems.push(`emulator stage: ${problem}`);
  if (index === stages.length - 1)
    at('it is the last stage: the default build would be the emulator');
  const of = ofStage(stages[index]);
  if (!runsAsNonRoot(of)) at('runs as root or a named user');
  const env = envOf(of);
  if (env.get('EMULATOR_HOST') !== '0.0.0.0')
    at('EMULATOR_HOST is not 0.0.0.0: unreachable from outside');
  if (env.get('EMULATOR_PORT') !== '4500') at('EMULATOR_PORT is not 4500');
  if (!of('EXPOSE').some((i) => words(i).includes('4500'))) at('4500 is not exposed');
  const health = of('HEALTHCHECK')
    .map((i) => words(i).join(' '))
    .join(' ');
  if (!health.includes('/v2/keys/')) at('no HEALTHCHECK on the key set (/v2/keys/)');
  const starts = [...of('ENTRYPOINT'), ...of('CMD')].at(-1);
  const entry =
    starts instanceof Entrypoint || starts instanceof Cmd
      ? starts.getJSONStrings().map((a) => a.getJSONValue())
      : [];
  if (entry.join(' ') !== emulatorEntry(emulatorPackage))
    at(`it does not start \`${emulatorEntry(emulatorPackage)}\` (the packed bin)`);
  const copiesService = of('COPY').some((i) => words(i).some((w) => /^\/app\/dist\/?$/.test(w)));
  const installsService = of('RUN').some((i) => /\bnpm ci\b/.test(words(i).join(' ')));
  if (copiesService || installsService) at("it carries the service's dist or dependencies");
  return problems;
}

/** What .dockerignore must keep out of the build context. */
export function dockerignoreProblems(lines: string[]): string[] {
  return ['node_modules', 'dist', '.git', '.env']
    .filter((entry) => !lines.includes(entry))
    .map((entry) => `.dockerignore does not exclude ${entry}`);
}
