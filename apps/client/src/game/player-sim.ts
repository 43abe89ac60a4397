import { Game, ReplayRecorder, type Replay } from '@tengen/engine';

/**
 * One player's local simulation: the engine plus a recorder of exactly the buttons it was stepped
 * with (the replay a score is verified from), and the frames counted after a top-out for the curtain.
 */
export class PlayerSim {
  readonly game: Game;
  readonly #recorder: ReplayRecorder;
  #afterTopOut = 0;

  /** A new game, or (with `snapshot`) a game resumed from the server's `Game.restore` data. */
  constructor(seed: number, startLevel: number, snapshot?: unknown) {
    this.game = snapshot === undefined ? new Game({ seed, startLevel }) : Game.restore(snapshot);
    // After a restore the recording starts at the restored frame (`recordedFrom`).
    this.recordedFrom = this.game.frame;
    this.#recorder = new ReplayRecorder(seed, startLevel);
  }

  /** The frame the recording starts at: 0, or the frame a resumed game was restored at. */
  readonly recordedFrom: number;

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
