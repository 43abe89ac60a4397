import { Game, ReplayRecorder, type Replay } from '@tengen/engine';

/**
 * One player's local simulation: the engine plus a recorder of exactly the buttons it was stepped
 * with (the replay a score is verified from), and the frames counted after a top-out for the curtain.
 */
export class PlayerSim {
  readonly game: Game;
  readonly #recorder: ReplayRecorder;
  #afterTopOut = 0;

  constructor(seed: number, startLevel: number) {
    this.game = new Game({ seed, startLevel });
    this.#recorder = new ReplayRecorder(seed, startLevel);
  }

  /** Steps one frame; returns the engine's `GameEvent` bits (0 once the game is over). */
  step(buttons: number): number {
    if (this.game.topOut) {
      this.#afterTopOut++;
      return 0;
    }
    this.#recorder.push(buttons);
    return this.game.step(buttons);
  }

  /** Frames shown since the top-out (drives the curtain). */
  get framesSinceTopOut(): number {
    return this.#afterTopOut;
  }

  /** Frames stepped by the engine (the next frame's number). */
  get frame(): number {
    return this.game.frame;
  }

  /** The game so far as a v1 replay. */
  replay(): Replay {
    return this.#recorder.toReplay();
  }
}
