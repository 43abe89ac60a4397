import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { Game, NES_POWER_ON_SEED, ReplayRecorder } from '@tengen/engine';
import type { GameStart, SoloBackend } from '@tengen/client/game/backend.ts';
import type { Runs } from '@tengen/client/net/input-stream.ts';

/**
 * Plays a solo game through a `SoloBackend` as the solo screen does: a local engine stepped frame
 * by frame, each frame recorded (the replay the backend re-sends from) and then handed to the
 * backend. Frames follow the wall clock since the start (minus pauses) plus a lead, like the browser.
 */
export class Pilot {
  readonly backend: SoloBackend;
  game!: Game;
  recorder!: ReplayRecorder;
  start!: GameStart;
  #startedAt = 0;
  #pausedMs = 0;
  #pausedAt: number | null = null;

  constructor(backend: SoloBackend) {
    this.backend = backend;
  }

  /** The recorded inputs so far (what `start` gets as its recording). */
  recorded(): Runs {
    return this.recorder?.toReplay().inputs ?? [];
  }

  /** Picks `level` and waits for the server's start. */
  async begin(level: number): Promise<GameStart> {
    this.start = await this.backend.start(level, () => this.recorded());
    this.game = new Game(this.start);
    // Only the recorder's inputs are used (an online game's seed stays on the server).
    this.recorder = new ReplayRecorder(
      this.start.seed ?? NES_POWER_ON_SEED,
      this.start.startLevel,
      this.game.version,
    );
    this.#startedAt = performance.now();
    return this.start;
  }

  /** Steps one frame with `buttons` and hands it to the backend; reports the top-out like the screen. */
  step(buttons = 0): void {
    if (this.game.needsPiece)
      throw new Error(`no piece from the server yet at frame ${this.game.frame}`);
    const frame = this.game.frame;
    this.game.step(buttons);
    this.recorder.push(buttons);
    this.backend.frame(frame, buttons);
    if (this.game.topOut) this.backend.gameOver();
  }

  /** Pauses through the backend (as the pause key does); the pacing clock stops too. */
  pause(on: boolean): void {
    this.holdClock(on);
    this.backend.pause(on);
  }

  /** Stops (or restarts) the pacing clock, for a pause the server counts that this pilot did not send. */
  holdClock(on: boolean): void {
    const now = performance.now();
    if (on) this.#pausedAt ??= now;
    else if (this.#pausedAt !== null) {
      this.#pausedMs += now - this.#pausedAt;
      this.#pausedAt = null;
    }
  }

  /**
   * Plays idle (or with `buttons`) in real time, `lead` frames ahead of the clock (the server
   * tolerates 180), until `untilFrame` or the top-out.
   */
  async play(
    opts: { untilFrame?: number; lead?: number; buttons?: (g: Game) => number } = {},
  ): Promise<Game> {
    const lead = opts.lead ?? 120;
    const stop = opts.untilFrame ?? Infinity;
    while (!this.game.topOut && this.game.frame < stop) {
      const now = performance.now();
      const active =
        now -
        this.#startedAt -
        this.#pausedMs -
        (this.#pausedAt === null ? 0 : now - this.#pausedAt);
      const target = Math.min(stop, Math.floor((active * FRAMES_PER_SECOND) / 1000) + lead);
      // A game out of pieces waits for the server's next ones, as the screen does.
      while (this.game.frame < target && !this.game.topOut && !this.game.needsPiece)
        this.step(opts.buttons?.(this.game) ?? 0);
      if (!this.game.topOut && this.game.frame < stop) await new Promise((r) => setTimeout(r, 16));
    }
    return this.game;
  }
}
