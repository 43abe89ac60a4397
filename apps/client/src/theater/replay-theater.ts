import { FRAMES_PER_SECOND } from '@tengen/protocol';
import {
  addStatEvent,
  emptyStats,
  statsOf,
  type Game,
  type GameStats,
  type StatsTally,
} from '@tengen/engine';
import { DEFAULT_MAX_CATCH_UP, FRAME_MS, FrameClock } from '../loop/frame-clock.ts';
import { type ReplayTimeline, type TimelineMark } from './replay-timeline.ts';

/** Playback speeds the theater offers, slowest first. */
export const THEATER_SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

/** One playback speed. */
export type TheaterSpeed = (typeof THEATER_SPEEDS)[number];

/** What the theater reports as it plays (sounds, the controls' display). */
export interface TheaterHooks {
  /** Events of a frame stepped by playing (not by seeking or frame steps). */
  onEvents?: (events: number, game: Game) => void;
  /** Playing, speed or position changed by a command (not by each played frame). */
  onChange?: () => void;
}

/**
 * Playback of a `ReplayTimeline`: play and pause, speeds from 0.25x to 8x, seeking to any frame
 * (backwards by re-simulating from the nearest checkpoint), frame steps and jumps between the
 * timeline's marks. A plain class: time comes in through `tick(nowMs)`, nothing is drawn here.
 */
export class ReplayTheater {
  readonly timeline: ReplayTimeline;
  readonly #hooks: TheaterHooks;
  #game: Game;
  #playing = false;
  #speed: TheaterSpeed = 1;
  #clock = new FrameClock();
  #tally: StatsTally = emptyStats();
  /** How many of the timeline's stat events `#tally` holds. */
  #tallied = 0;

  constructor(timeline: ReplayTimeline, hooks: TheaterHooks = {}) {
    this.timeline = timeline;
    this.#hooks = hooks;
    this.#game = timeline.checkpointBefore(0);
  }

  /** The game as shown now. */
  get game(): Game {
    return this.#game;
  }
  /** Frames played so far (0 at the start, `timeline.length` at the end). */
  get frame(): number {
    return this.#game.frame;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get speed(): TheaterSpeed {
    return this.#speed;
  }
  /** True when every recorded frame has been played. */
  get atEnd(): boolean {
    return this.frame >= this.timeline.length;
  }

  /** Plays from here (from the start when at the end). */
  play(): void {
    if (this.#playing) return;
    if (this.atEnd) this.#goto(0);
    this.#playing = !this.atEnd;
    this.#clock.reset();
    this.#hooks.onChange?.();
  }

  /** Stops where it is. */
  pause(): void {
    if (!this.#playing) return;
    this.#playing = false;
    this.#hooks.onChange?.();
  }

  /** Play or pause. */
  toggle(): void {
    if (this.#playing) this.pause();
    else this.play();
  }

  /** Sets the speed; throws a RangeError for one not in `THEATER_SPEEDS`. */
  setSpeed(speed: number): void {
    const s = THEATER_SPEEDS.find((v) => v === speed);
    if (s === undefined) throw new RangeError(`speed must be one of ${THEATER_SPEEDS.join(', ')}`);
    this.#speed = s;
    this.#clock = new FrameClock({
      frameMs: FRAME_MS / s,
      maxCatchUp: Math.max(DEFAULT_MAX_CATCH_UP, Math.ceil(DEFAULT_MAX_CATCH_UP * s)),
    });
    this.#hooks.onChange?.();
  }

  /** The next speed up (`+1`) or down (`-1`), staying within the range. */
  changeSpeed(direction: 1 | -1): void {
    const i = THEATER_SPEEDS.indexOf(this.#speed) + direction;
    this.setSpeed(THEATER_SPEEDS[Math.max(0, Math.min(THEATER_SPEEDS.length - 1, i))]!);
  }

  /** Plays the frames due at `nowMs` at the current speed; returns how many were stepped. */
  tick(nowMs: number): number {
    if (!this.#playing) return 0;
    const due = this.#clock.advance(nowMs);
    let n = 0;
    while (n < due && !this.atEnd) {
      const ev = this.#stepOne();
      n++;
      if (ev !== 0) this.#hooks.onEvents?.(ev, this.#game);
    }
    if (this.atEnd) {
      this.#playing = false;
      this.#hooks.onChange?.();
    }
    return n;
  }

  /** Shows the game at `frame` (clamped to the replay); playing continues from there. */
  seek(frame: number): void {
    this.#goto(frame);
    this.#clock.reset();
    this.#hooks.onChange?.();
  }

  /** Pauses and moves one frame forward or back. */
  step(direction: 1 | -1): void {
    this.#playing = false;
    this.seek(this.frame + direction);
  }

  /** The marks after (`+1`) or before (`-1`) the frame shown; null when there is none. */
  markFrom(direction: 1 | -1): TimelineMark | null {
    const marks = this.timeline.marks;
    // A mark is "at" frame + 1: seeking to a mark shows the frame its step produced.
    if (direction === 1) return marks.find((m) => m.frame + 1 > this.frame) ?? null;
    for (let i = marks.length - 1; i >= 0; i--)
      if (marks[i]!.frame + 1 < this.frame) return marks[i]!;
    return null;
  }

  /** Jumps to the next or previous mark (a line clear or level-up); false when there is none. */
  jump(direction: 1 | -1): boolean {
    const m = this.markFrom(direction);
    if (m === null) return false;
    this.seek(m.frame + 1);
    return true;
  }

  /** The game statistics at the frame shown (Tetris rate, burns, droughts, pieces per minute). */
  stats(): GameStats {
    const events = this.timeline.statEvents;
    if (this.#tallied > 0 && events[this.#tallied - 1]!.frame >= this.frame) {
      this.#tally = emptyStats();
      this.#tallied = 0;
    }
    while (this.#tallied < events.length && events[this.#tallied]!.frame < this.frame) {
      this.#tally = addStatEvent(this.#tally, events[this.#tallied]!.event);
      this.#tallied++;
    }
    return statsOf(this.#tally, this.frame, FRAMES_PER_SECOND);
  }

  #stepOne(): number {
    const frame = this.#game.frame;
    return this.#game.step(this.timeline.buttons[frame] ?? 0);
  }

  #goto(target: number): void {
    const to = Math.max(0, Math.min(this.timeline.length, Math.floor(target)));
    const ahead = to - this.frame;
    if (ahead < 0 || ahead > this.timeline.checkpointFrames)
      this.#game = this.timeline.checkpointBefore(to);
    while (this.frame < to) this.#stepOne();
    if (this.atEnd) this.#playing = false;
  }
}
