import { mkdirSync } from 'node:fs';
import { EmulatorContext } from './context';
import { importState, saveState, stateFileIn } from './state-file';

/**
 * The emulator's state in a data directory: loaded when it starts (a corrupt or foreign file
 * stops the start, untouched), saved a moment after each change and when it closes.
 */
export class SavedState {
  readonly file: string;
  private timer?: NodeJS.Timeout;

  constructor(
    dataDir: string,
    private readonly context: EmulatorContext,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.file = stateFileIn(dataDir);
    importState(this.file, context);
  }

  /** A request that may have changed something finished: save soon, once for a burst. */
  changed(): void {
    this.timer ??= setTimeout(() => this.flush(), 100).unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      saveState(this.file, this.context);
    } catch (error) {
      console.error(`The emulator could not save its state to ${this.file}: ${String(error)}`);
    }
  }
}
