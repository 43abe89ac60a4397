import { Bot } from '@tengen/bot';
import type { Game } from '@tengen/engine';
import { AHEAD_TOLERANCE_FRAMES, FRAMES_PER_SECOND, MAX_PENDING_FRAMES } from '@tengen/protocol';

/**
 * How a test game follows the clock: `realtime` plays the NES frame rate since the start (minus
 * paused time) plus `leadFrames`, as the browser does; `fast` runs as far ahead as the server
 * allows (its tolerance less one batch), then keeps that lead in real time.
 */
export type Pacing = 'realtime' | 'fast';

/** Frames a `realtime` game runs ahead of its clock unless told otherwise. */
export const DEFAULT_LEAD_FRAMES = 120;

/** The lead of `fast` pacing: the server's tolerance less the largest batch the browser sends. */
export const FAST_LEAD_FRAMES = AHEAD_TOLERANCE_FRAMES - MAX_PENDING_FRAMES;

/** How `PacedGame.play` plays. */
export interface PlayOptions {
  /** Frames the bot steers; after that no buttons are held and the stack tops out. */
  botFrames?: number;
  /** Frames the client may run ahead of its own wall clock (default per `pace`). */
  leadFrames?: number;
  /** Stop (without topping out) once this frame is reached. */
  untilFrame?: number;
  /** `realtime` (the default) or `fast`. */
  pace?: Pacing;
  /** Buttons for each frame instead of the bot's. */
  buttons?: (game: Game) => number;
}

/** What a `PacedGame` tells its owner, and asks of it while playing. */
export interface PacedGameHooks {
  /** Called after each frame is stepped, with the frame's number and buttons. */
  onFrame: (frame: number, buttons: number) => void;
  /** Called once, right after the step that tops out. */
  onTopOut?: () => void;
  /** Throws (or returns a reason) when play must stop: a closed connection. */
  closed?: () => string | undefined;
  /** The clock (ms); `performance.now` by default. */
  now?: () => number;
}

/**
 * One game driven the way a browser drives it: a local engine stepped frame by frame from the
 * pieces the server dealt, paced by the wall clock (`Pacing`), every frame recorded and handed to
 * `onFrame` (which sends it, or hands it to the client code under test). The one pacing loop of the
 * test player, the client's network specs and the load generator.
 */
export class PacedGame {
  readonly game: Game;
  /** When frame 0 was due (ms, `now()`), moved on by pauses. */
  startedAt: number;
  /** Times `play` found the game waiting for a piece the server had not sent yet, and for how long. */
  stalls = 0;
  stalledMs = 0;
  readonly #hooks: PacedGameHooks;
  readonly #now: () => number;
  readonly #inputs: [number, number][] = [];
  #pausedMs = 0;
  #pausedAt: number | null = null;
  #stalledSince: number | undefined;
  readonly #bot = new Bot();

  /**
   * The clock starts now at `clockFrame` (default `game.frame`): a resumed game's clock starts as if
   * it had played up to there.
   */
  constructor(game: Game, hooks: PacedGameHooks, clockFrame = game.frame) {
    this.game = game;
    this.#hooks = hooks;
    this.#now = hooks.now ?? (() => performance.now());
    this.startedAt = this.#now() - (clockFrame * 1000) / FRAMES_PER_SECOND;
  }

  /** The frames played so far as run-length `[count, buttons]` pairs (a replay's `inputs`). */
  recorded(): [number, number][] {
    return this.#inputs.map(([n, b]) => [n, b]);
  }

  /** Steps one frame with `buttons` and hands it on; reports the top-out. */
  step(buttons = 0): void {
    const game = this.game;
    if (game.needsPiece) throw new Error(`no piece from the server yet at frame ${game.frame}`);
    const frame = game.frame;
    game.step(buttons);
    const last = this.#inputs.at(-1);
    if (last !== undefined && last[1] === buttons) last[0]++;
    else this.#inputs.push([1, buttons]);
    this.#hooks.onFrame(frame, buttons);
    if (game.topOut) this.#hooks.onTopOut?.();
  }

  /** Stops (or restarts) the pacing clock: a pause, sent by this player or counted by the server. */
  holdClock(on: boolean): void {
    const now = this.#now();
    if (on) this.#pausedAt ??= now;
    else if (this.#pausedAt !== null) {
      this.#pausedMs += now - this.#pausedAt;
      this.#pausedAt = null;
    }
  }

  /** The frame the clock allows now with `lead` frames of lead. */
  due(lead: number, now = this.#now()): number {
    const paused = this.#pausedMs + (this.#pausedAt === null ? 0 : now - this.#pausedAt);
    return Math.floor(((now - this.startedAt - paused) * FRAMES_PER_SECOND) / 1000) + lead;
  }

  /**
   * Plays up to what the clock allows now; returns false once the game is over or at `untilFrame`.
   * A game out of pieces waits for the server's next ones (the client never guesses).
   */
  advance(opts: PlayOptions = {}): boolean {
    const game = this.game;
    const stop = opts.untilFrame ?? Infinity;
    const botFrames = opts.botFrames ?? Infinity;
    const lead = opts.leadFrames ?? (opts.pace === 'fast' ? FAST_LEAD_FRAMES : DEFAULT_LEAD_FRAMES);
    const now = this.#now();
    if (this.#pausedAt === null) {
      const target = Math.min(stop, this.due(lead, now));
      while (game.frame < target && !game.topOut) {
        if (game.needsPiece) {
          if (this.#stalledSince === undefined) {
            this.#stalledSince = now;
            this.stalls++;
          }
          break;
        }
        if (this.#stalledSince !== undefined) {
          this.stalledMs += now - this.#stalledSince;
          this.#stalledSince = undefined;
        }
        const buttons = opts.buttons?.(game) ?? (game.frame < botFrames ? this.#bot.next(game) : 0);
        this.step(buttons);
      }
    }
    return !game.topOut && game.frame < stop;
  }

  /** Plays (`advance` every 16 ms, as a display frame) until the top-out or `untilFrame`. */
  async play(opts: PlayOptions = {}): Promise<Game> {
    for (;;) {
      const closed = this.#hooks.closed?.();
      if (closed !== undefined) throw new Error(`${closed} during play`);
      if (!this.advance(opts)) return this.game;
      await new Promise((r) => setTimeout(r, 16));
    }
  }
}
