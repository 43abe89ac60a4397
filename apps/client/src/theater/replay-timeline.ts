import { GameEvent, statEventsOf, type Game, type Replay, type StatEvent } from '@tengen/engine';
import { gameForReplay } from '../game/replay-game.ts';

/** Frames between two kept copies of the game (seeking re-simulates at most this many). */
export const CHECKPOINT_FRAMES = 300;

/** A moment worth jumping to on the timeline: the frame whose step made it happen. */
export interface TimelineMark {
  kind: 'clear' | 'levelUp';
  /** The frame number before the step (seek to `frame + 1` to see its result). */
  frame: number;
  /** Rows cleared, or the level reached. */
  value: number;
}

/** One stat event and the frame it happened on. */
export interface TimedStatEvent {
  frame: number;
  event: StatEvent;
}

/** What the whole replay yields when re-run to its end by the engine. */
export interface VerifiedResult {
  score: number;
  lines: number;
  level: number;
  /** Frames the game lasted (the top-out frame included). */
  frames: number;
  topOut: boolean;
}

/**
 * A replay simulated once, end to end: the buttons of every frame, copies of the game every
 * `CHECKPOINT_FRAMES` frames (to seek), the line clears and level-ups (the timeline's marks), the
 * stat events and the verified result. Pure: built from the replay and the engine only.
 */
export class ReplayTimeline {
  readonly replay: Replay;
  /** Held buttons per frame, for frames 0..length-1. */
  readonly buttons: Uint8Array;
  readonly marks: TimelineMark[] = [];
  readonly statEvents: TimedStatEvent[] = [];
  readonly result: VerifiedResult;
  /** Frames between two checkpoints. */
  readonly checkpointFrames: number;
  readonly #checkpoints: Game[] = [];

  constructor(replay: Replay, checkpointFrames = CHECKPOINT_FRAMES) {
    this.replay = replay;
    this.checkpointFrames = checkpointFrames;
    let total = 0;
    for (const [n] of replay.inputs) total += n;
    const buttons = new Uint8Array(total);
    let at = 0;
    for (const [n, b] of replay.inputs) {
      buttons.fill(b, at, at + n);
      at += n;
    }
    const game = gameForReplay(replay);
    // The first piece is in the well before any frame is played.
    this.statEvents.push({ frame: -1, event: { kind: 'spawn', piece: game.pieceTypeIndex } });
    this.#checkpoints.push(game.clone());
    while (game.frame < total && !game.topOut) {
      const frame = game.frame;
      if (frame > 0 && frame % checkpointFrames === 0) this.#checkpoints.push(game.clone());
      const ev = game.step(buttons[frame]!);
      if ((ev & GameEvent.LinesCleared) !== 0)
        this.marks.push({ kind: 'clear', frame, value: game.lastClearCount });
      if ((ev & GameEvent.LevelUp) !== 0)
        this.marks.push({ kind: 'levelUp', frame, value: game.level });
      for (const event of statEventsOf(ev, game)) this.statEvents.push({ frame, event });
    }
    // Inputs after a top-out are never played.
    this.buttons = buttons.subarray(0, game.frame);
    this.result = {
      score: game.score,
      lines: game.lines,
      level: game.level,
      frames: game.frame,
      topOut: game.topOut,
    };
  }

  /** The last frame number a game can be at (the state after every played frame). */
  get length(): number {
    return this.result.frames;
  }

  /** A fresh copy of the game at the latest checkpoint at or before `frame`. */
  checkpointBefore(frame: number): Game {
    let lo = 0;
    let hi = this.#checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#checkpoints[mid]!.frame <= frame) lo = mid;
      else hi = mid - 1;
    }
    return this.#checkpoints[lo]!.clone();
  }

  /** The stat events of a game at `frame` (the first piece, then those of the first `frame` steps). */
  statEventsBefore(frame: number): StatEvent[] {
    const out: StatEvent[] = [];
    for (const e of this.statEvents) {
      if (e.frame >= frame) break;
      out.push(e.event);
    }
    return out;
  }
}
