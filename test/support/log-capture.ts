import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line the app logs, to inspect in a test. */
export class LogCapture implements DestinationStream {
  readonly lines: string[] = [];

  write(line: string): void {
    this.lines.push(line);
  }

  /** Every line as one text, to search for what must (not) be there. */
  text(): string {
    return this.lines.join('');
  }

  /** The lines as JSON records. */
  records(): Record<string, any>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, any>);
  }
}
