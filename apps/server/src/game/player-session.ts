import { ENGINE_VERSION, Game, GameEvent, ReplayRecorder, type Replay } from '@tengen/engine';
import type { UnrankedReason } from '@tengen/protocol';
import type { NewGame } from '@tengen/scores';
import { checkBatch, type BatchRefusal } from './input-guard.ts';
import type { RealTimeGuard } from './real-time-guard.ts';

/**
 * Outcome of applying one batch; `unranked` is the reason when this batch unranked the game,
 * `lagFrames` how far the game trailed the wall clock when the batch arrived.
 */
export type BatchOutcome =
  | {
      ok: true;
      events: number;
      frames: number;
      unranked: UnrankedReason | null;
      lagFrames: number;
    }
  | { ok: false; refusal: BatchRefusal | { code: 'wrongPhase'; message: string } };

/** A game's verified result, as stored: the store's numbers of a new game, and its replay. */
export type GameResult = Pick<
  NewGame,
  'score' | 'lines' | 'level' | 'startLevel' | 'frames' | 'seed'
> & {
  replay: Replay;
};

/**
 * One player's game on the server: the engine `Game` stepped with exactly the frames the player
 * sent, a `ReplayRecorder` of those frames, and the anti-cheat state. The server never steps a
 * game on its own; a paused game therefore does not advance.
 */
export class PlayerSession {
  readonly game: Game;
  readonly recorder: ReplayRecorder;
  /** The real-time rules (ahead, behind, pauses, drops) this game is held to. */
  readonly clock: RealTimeGuard;
  /** Why this game is unranked (the first rule it broke), or null while it is ranked. */
  unrankedReason: UnrankedReason | null = null;
  submitted = false;
  submitting = false;

  /** A new game, always under the current rules (`ENGINE_VERSION`): clients never choose them. */
  constructor(opts: { seed: number; startLevel: number; clock: RealTimeGuard }) {
    const version = ENGINE_VERSION;
    this.game = new Game({ seed: opts.seed, startLevel: opts.startLevel, version });
    this.recorder = new ReplayRecorder(opts.seed, opts.startLevel, version);
    this.clock = opts.clock;
  }

  get ranked(): boolean {
    return this.unrankedReason === null;
  }

  /** Unranks the game for `reason`; true when it was ranked until now. */
  unrank(reason: UnrankedReason): boolean {
    if (this.unrankedReason !== null) return false;
    this.unrankedReason = reason;
    return true;
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
   * top-out; later frames are ignored, as in a replay). A batch that breaks a real-time rule
   * (`RealTimeGuard.checkBatch`, at its arrival time `now`) unranks the game.
   */
  applyBatch(
    from: number,
    runs: readonly (readonly [number, number])[],
    now: number,
  ): BatchOutcome {
    if (this.over)
      return { ok: false, refusal: { code: 'wrongPhase', message: 'the game is over' } };
    const checked = checkBatch(from, runs, this.nextFrame);
    if (typeof checked !== 'number') return { ok: false, refusal: checked };
    const broken = this.clock.checkBatch(from + checked, now);
    const lagFrames = this.clock.lagFrames(from + checked, now);
    const unranked = broken !== null && this.unrank(broken) ? broken : null;
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
    return { ok: true, events, frames, unranked, lagFrames };
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
