import type { Command } from '../input/input-hub.ts';
import type { Mode } from './context.ts';

/**
 * A mode whose code is loaded when its route is first entered (a separate chunk, kept out of the
 * first visit's download). Commands that arrive while it loads are dropped; leaving before it has
 * loaded means it is never entered. `onError` says in words that the screen could not be loaded.
 */
export class LazyMode implements Mode {
  readonly #load: () => Promise<Mode>;
  readonly #onError: (err: Error) => void;
  #mode: Mode | null = null;
  #left = false;

  constructor(load: () => Promise<Mode>, onError: (err: Error) => void) {
    this.#load = load;
    this.#onError = onError;
  }

  enter(): void {
    this.#load().then(
      (mode) => {
        if (this.#left) return;
        this.#mode = mode;
        mode.enter();
      },
      (err: unknown) => {
        if (!this.#left) this.#onError(err as Error);
      },
    );
  }

  leave(): void {
    this.#left = true;
    this.#mode?.leave();
  }

  onCommand(c: Command): void {
    this.#mode?.onCommand(c);
  }
}
