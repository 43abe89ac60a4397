import { Game, GameEvent, ReplayRecorder, type Replay } from '@tengen/engine';
import { checkBatch, latestPlausibleFrame, type BatchRefusal } from './input-guard.ts';

/** Outcome of applying one batch. */
export type BatchOutcome =
  | { ok: true; events: number; frames: number; unranked: boolean }
  | { ok: false; refusal: BatchRefusal | { code: 'wrongPhase'; message: string } };

/** A game's verified result, as stored. */
export interface GameResult {
  score: number;
  lines: number;
  level: number;
  startLevel: number;
  frames: number;
  seed: number;
  replay: Replay;
}

/**
 * One player's game on the server: the engine `Game` stepped with exactly the frames the player
 * sent, a `ReplayRecorder` of those frames, and the anti-cheat state. The server never steps a
 * game on its own; a paused game therefore does not advance.
 */
export class PlayerSession {
  readonly game: Game;
  readonly recorder: ReplayRecorder;
  /** Wall-clock ms when this game started, and the room's paused total at that moment. */
  readonly startedAt: number;
  readonly pausedAtStart: number;
  ranked = true;
  submitted = false;
  submitting = false;

  constructor(opts: {
    seed: number;
    startLevel: number;
    startedAt: number;
    pausedAtStart: number;
  }) {
    this.game = new Game({ seed: opts.seed, startLevel: opts.startLevel });
    this.recorder = new ReplayRecorder(opts.seed, opts.startLevel);
    this.startedAt = opts.startedAt;
    this.pausedAtStart = opts.pausedAtStart;
  }

  /** The next frame the player must send. */
  get nextFrame(): number {
    return this.game.frame;
  }

  get over(): boolean {
    return this.game.topOut;
  }

  /**
   * Validates and applies a batch: steps the engine and the recorder frame by frame (stopping at
   * top-out; later frames are ignored, as in a replay). `pausedTotal` is the room's paused time so
   * far; a batch that runs further ahead of the clock than the tolerance unranks the game.
   */
  applyBatch(
    from: number,
    runs: readonly (readonly [number, number])[],
    now: number,
    pausedTotal: number,
  ): BatchOutcome {
    if (this.over)
      return { ok: false, refusal: { code: 'wrongPhase', message: 'the game is over' } };
    const checked = checkBatch(from, runs, this.nextFrame);
    if (typeof checked !== 'number') return { ok: false, refusal: checked };
    const activeMs = now - this.startedAt - (pausedTotal - this.pausedAtStart);
    const wasRanked = this.ranked;
    if (from + checked > latestPlausibleFrame(activeMs)) this.ranked = false;
    let events = 0;
    let frames = 0;
    outer: for (const [count, buttons] of runs) {
      for (let i = 0; i < count; i++) {
        this.recorder.push(buttons);
        events |= this.game.step(buttons);
        frames++;
        if ((events & GameEvent.TopOut) !== 0) break outer;
      }
    }
    return { ok: true, events, frames, unranked: wasRanked && !this.ranked };
  }

  /** The result to store: the live game's numbers and the replay that reproduces them. */
  result(): GameResult {
    const g = this.game;
    return {
      score: g.score,
      lines: g.lines,
      level: g.level,
      startLevel: g.startLevel,
      frames: g.frame,
      seed: g.seed,
      replay: this.recorder.toReplay(),
    };
  }
}
