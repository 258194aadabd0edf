/** What a log line says about an error: its class, a short message and the top of its stack. */
export interface ErrorSummary {
  type: string;
  message: string;
  stack?: string;
}

const STACK_FRAMES = 5;
const MESSAGE_CHARS = 200;

/**
 * One line's worth of an error. The message is cut short; upstream errors carry no request
 * data in theirs (see libs/descope), and a bug's message is the runtime's own.
 */
export function summarize(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error thrown' };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, STACK_FRAMES)
    .map((line) => line.trim());
  return {
    type: error.name,
    message: error.message.slice(0, MESSAGE_CHARS),
    ...(frames.length ? { stack: frames.join(' | ') } : {}),
  };
}
