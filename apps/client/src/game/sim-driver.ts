import { GameEvent, view, type Game, type GameOptions, type GameStats } from '@tengen/engine';
import { FrameClock } from '../loop/frame-clock.ts';
import { curtainDone } from '../view/effects.ts';
import type { FrameKind } from '../view/hud-model.ts';
import { playerFrame, type PlayerFrame, type WellOverlay } from '../view/player-frame.ts';
import type { StageDriver } from './driver.ts';
import { PlayerSim } from './player-sim.ts';
import { StatsTracker } from './stats-tracker.ts';

/** Where a frame's buttons come from: the player's controls, the bot, or a replay. */
export type ButtonSource = (game: Game) => number;

/** Options of a one-player driver: the game's start (a seed, or the server's piece queue) and more. */
export type SimDriverOptions = GameOptions & SimDriverSettings;

/** What a one-player driver needs besides the game's start. */
export interface SimDriverSettings {
  /** `Game.restore` data to continue from (a game resumed after a reload) instead of a new game. */
  snapshot?: unknown;
  buttons: ButtonSource;
  /** Best score shown as TOP. */
  top?: number;
  /** Name plate above the well. */
  name?: string;
  /** What kind of game this is for the HUD (default 'play'). */
  kind?: FrameKind;
  /** Whether a human plays (the first-playable metric and the HUD care). */
  human?: boolean;
  clock?: FrameClock;
  /** Called for every engine frame with the buttons it was stepped with (the network stream). */
  onStep?: (frame: number, buttons: number) => void;
  /** Called with each frame's event bits (sound, HUD). */
  onEvents?: (events: number, game: Game) => void;
  /** A replay's inputs ran out before a top-out: stop stepping (the end is reported like a game over). */
  stopWhen?: () => boolean;
  /** Called when the driver is disposed (to stop helpers such as the demo's planner). */
  onDispose?: () => void;
  /** Called once when the top-out curtain has closed (or `stopWhen` stopped the game). */
  onGameOver?: (sim: PlayerSim) => void;
}

/** Drives one `PlayerSim` in real time: the solo game, the attract demo and replays. */
export class SimDriver implements StageDriver {
  readonly players = 1 as const;
  readonly kind: FrameKind;
  readonly sim: PlayerSim;
  readonly #opts: SimDriverOptions;
  readonly #clock: FrameClock;
  readonly #cells = new Uint8Array(200);
  readonly #stats: StatsTracker;
  #paused = false;
  #overlay: WellOverlay = null;
  #overNotified = false;
  #disposed = false;
  #stalled = false;
  /** Times the game had to wait for a piece from the server, and the frames it lost waiting. */
  stalls = 0;
  stalledFrames = 0;
  /** The last frame drawn; reused while no engine frame was stepped and nothing else changed. */
  #last: readonly PlayerFrame[] | null = null;

  constructor(opts: SimDriverOptions) {
    this.#opts = opts;
    this.kind = opts.kind ?? 'play';
    this.#clock = opts.clock ?? new FrameClock();
    const version = opts.version !== undefined ? { version: opts.version } : {};
    this.sim = new PlayerSim(
      opts.pieces !== undefined
        ? { pieces: opts.pieces, startLevel: opts.startLevel, ...version }
        : { seed: opts.seed, startLevel: opts.startLevel, ...version },
      opts.snapshot,
    );
    this.#stats = new StatsTracker(this.sim.game);
  }

  /** The game statistics so far (Tetris rate, burns, droughts, pieces per minute). */
  stats(): GameStats {
    return this.#stats.stats(this.sim.game.frame);
  }

  get playable(): boolean {
    return (this.#opts.human ?? false) && !this.#paused && !this.sim.game.topOut;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Pauses (the board is hidden, as on the NES) or resumes without fast-forwarding. */
  setPaused(on: boolean): void {
    if (on === this.#paused || (on && this.sim.game.topOut)) return;
    this.#paused = on;
    this.#last = null;
    this.#clock.reset();
  }

  /** A status box over the well (e.g. "WAITING"), shown when not paused or over. */
  setOverlay(overlay: WellOverlay): void {
    this.#overlay = overlay;
    this.#last = null;
  }

  /** Steps the frames due at `nowMs` (none while paused) and returns the frame to draw. */
  tick(nowMs: number): readonly PlayerFrame[] {
    const n = this.#paused || this.#disposed ? 0 : this.#clock.advance(nowMs);
    for (let i = 0; i < n; i++) this.stepOne();
    // A display faster than 60 Hz ticks between engine frames: nothing new to derive then.
    if (n === 0 && this.#last !== null) return this.#last;
    this.#last = [this.frame()];
    return this.#last;
  }

  /** Steps exactly one frame (tests, and catching up after a reconnect). */
  stepOne(): void {
    const { sim } = this;
    const wasOver = sim.game.topOut;
    if (!wasOver && this.#opts.stopWhen?.() === true) {
      if (!this.#overNotified) {
        this.#overNotified = true;
        this.#opts.onGameOver?.(sim);
      }
      return;
    }
    // Out of pieces (the server's next ones are late): wait, neither guessing nor sampling input.
    // The board stays as it is between a lock and the next spawn; the frame is not played.
    if (!wasOver && sim.waiting) {
      if (!this.#stalled) this.stalls++;
      this.#stalled = true;
      this.stalledFrames++;
      return;
    }
    this.#stalled = false;
    const frame = sim.frame;
    const buttons = wasOver ? 0 : this.#opts.buttons(sim.game);
    const ev = sim.step(buttons);
    if (!wasOver) {
      this.#opts.onStep?.(frame, buttons);
      if (ev !== 0) {
        this.#stats.observe(ev, sim.game);
        this.#opts.onEvents?.(ev, sim.game);
      }
    }
    if (
      (ev & GameEvent.TopOut) === 0 &&
      sim.game.topOut &&
      !this.#overNotified &&
      curtainDone(sim.framesSinceTopOut)
    ) {
      this.#overNotified = true;
      this.#opts.onGameOver?.(sim);
    }
  }

  /** The frame the renderer shows now. */
  frame(): PlayerFrame {
    return playerFrame(
      view(this.sim.game),
      {
        top: this.#opts.top ?? 0,
        topFollowsScore: this.kind === 'play',
        name: this.#opts.name ?? '',
        paused: this.#paused,
        framesSinceTopOut: this.sim.framesSinceTopOut,
        overlay: this.#overlay,
      },
      this.#cells,
    );
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#opts.onDispose?.();
  }
}
