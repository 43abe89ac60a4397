import {
  ENGINE_VERSION,
  Game,
  NES_POWER_ON_SEED,
  ReplayRecorder,
  type GameOptions,
  type Replay,
} from '@tengen/engine';

/**
 * One player's local simulation: the engine plus a recorder of exactly the buttons it was stepped
 * with (the inputs a score is verified from), and the frames counted after a top-out for the
 * curtain. An online game takes its pieces from the server's queue (`{ pieces, startLevel }`): it
 * has no seed, so it records inputs only; offline, demo and replay games are seeded.
 */
export class PlayerSim {
  readonly game: Game;
  readonly #recorder: ReplayRecorder;
  #afterTopOut = 0;

  /** A new game, or (with `snapshot`) a game resumed from the server's `Game.restore` data. */
  constructor(opts: GameOptions, snapshot?: unknown) {
    // A game this page starts plays the current rules unless told otherwise (a replay, the server).
    this.game =
      snapshot === undefined
        ? new Game({ ...opts, version: opts.version ?? ENGINE_VERSION })
        : Game.restore(snapshot, opts.pieces);
    // After a restore the recording starts at the restored frame (`recordedFrom`).
    this.recordedFrom = this.game.frame;
    // A fed game's recorder is used for its inputs only (`replay()` refuses): the seed is the server's.
    this.#recorder = new ReplayRecorder(
      opts.seed ?? NES_POWER_ON_SEED,
      opts.startLevel,
      this.game.version,
    );
  }

  /** The frame the recording starts at: 0, or the frame a resumed game was restored at. */
  readonly recordedFrom: number;

  /**
   * Steps one frame; returns the engine's `GameEvent` bits (0 once the game is over). A fed game
   * waiting for its next piece is not stepped and records nothing (`waiting` says so first).
   */
  step(buttons: number): number {
    if (this.game.topOut) {
      this.#afterTopOut++;
      return 0;
    }
    if (this.game.needsPiece) return this.game.step(buttons);
    this.#recorder.push(buttons);
    return this.game.step(buttons);
  }

  /** True while the game waits for a piece the server has not sent yet (never guessed). */
  get waiting(): boolean {
    return this.game.needsPiece;
  }

  /** Frames shown since the top-out (drives the curtain). */
  get framesSinceTopOut(): number {
    return this.#afterTopOut;
  }

  /** Frames stepped by the engine (the next frame's number). */
  get frame(): number {
    return this.game.frame;
  }

  /** The buttons of every frame stepped so far, run-length encoded (what the server re-sends). */
  inputs(): [number, number][] {
    return this.#recorder.toReplay().inputs;
  }

  /** The game so far as a replay of its rules version (seeded games only: a fed game's seed is on the server). */
  replay(): Replay {
    if (this.game.fed) throw new Error('a game fed by the server has no seed to replay from');
    return this.#recorder.toReplay();
  }
}
