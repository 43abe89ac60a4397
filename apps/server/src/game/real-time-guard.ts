import {
  BEHIND_BUDGET_FRAMES,
  FRAMES_PER_SECOND,
  MAX_AWAY_SECONDS,
  MAX_PAUSES_PER_GAME,
  RECONNECT_SECONDS,
  START_SLACK_SECONDS,
  type UnrankedReason,
} from '@tengen/protocol';
import { latestPlausibleFrame } from './input-guard.ts';
import type { PauseClock } from './pause-clock.ts';

/** A reason the real-time rules give for unranking a game. */
export type ClockReason = Extract<UnrankedReason, 'aheadOfClock' | 'behindClock' | 'pauseLimit'>;

/**
 * The real-time rules of one ranked game, both ways. Times are wall-clock ms passed in by the
 * caller; pauses come from the room's `PauseClock` (shared by both games of a duo: every pause
 * freezes both). A game's active time is the time since its start minus every pause; a dropped
 * player is also credited the time disconnected, up to `RECONNECT_SECONDS` per drop. Then:
 * - ahead: no batch may reach past the active time's frames plus `AHEAD_TOLERANCE_FRAMES`
 *   (disconnections not credited: a browser plays on while disconnected);
 * - behind: on every batch, the frames sent may trail the active time's frames (disconnections
 *   credited) by at most `BEHIND_BUDGET_FRAMES`;
 * - pauses: at most `MAX_PAUSES_PER_GAME`, and at most `MAX_AWAY_SECONDS` paused or credited as
 *   disconnected in all; only the pauses this game's player asked for count here (an opponent's
 *   pause freezes the game without being its player's doing, so it cannot unrank it).
 * The clock starts when `start` is sent; for the behind rule the first batch moves that origin
 * later by its delay, at most `START_SLACK_SECONDS` (a client starts when `start` arrives).
 */
export class RealTimeGuard {
  readonly #pause: PauseClock;
  /** The player whose pauses this game is charged with. */
  readonly #owner: string;
  readonly #startedAt: number;
  /** Ms the first batch showed the start was late by (at most START_SLACK_SECONDS): behind only. */
  #startSlack: number | null = null;
  readonly #pausedAtStart: number;
  readonly #ownPausedAtStart: number;
  readonly #ownPausesAtStart: number;
  /** Disconnected ms credited for the drops that ended. */
  #dropCredit = 0;
  #droppedAt: number | null = null;
  #pausedAtDrop = 0;

  /** `owner`: the player's id as the room's `PauseClock` knows it ('' in a room of one). */
  constructor(pause: PauseClock, now: number, owner = '') {
    this.#pause = pause;
    this.#owner = owner;
    this.#startedAt = now;
    this.#pausedAtStart = pause.pausedTotal(now);
    this.#ownPausedAtStart = pause.pausedTotalBy(owner, now);
    this.#ownPausesAtStart = pause.countBy(owner);
  }

  /** The player's connection dropped. */
  drop(now: number): void {
    if (this.#droppedAt !== null) return;
    this.#droppedAt = now;
    this.#pausedAtDrop = this.#pause.pausedTotal(now);
  }

  /** The player is back: the time away is credited (capped). */
  reconnect(now: number): void {
    this.#dropCredit += this.#runningDrop(now);
    this.#droppedAt = null;
  }

  /** Pauses this game's player asked for since it started. */
  get pauses(): number {
    return this.#pause.countBy(this.#owner) - this.#ownPausesAtStart;
  }

  /** Ms charged to this game's player: their own pauses, and the time credited as disconnected. */
  awayMs(now: number): number {
    const ownPausedMs = this.#pause.pausedTotalBy(this.#owner, now) - this.#ownPausedAtStart;
    return ownPausedMs + this.#dropCredit + this.#runningDrop(now);
  }

  /** How many frames the game trails the clock by when the player has sent `sentFrames`. */
  lagFrames(sentFrames: number, now: number): number {
    // Every pause froze this game, whoever asked for it.
    const frozenMs = this.#pausedMs(now) + this.#dropCredit + this.#runningDrop(now);
    const activeMs = now - this.#startedAt - (this.#startSlack ?? 0) - frozenMs;
    return Math.floor((Math.max(0, activeMs) * FRAMES_PER_SECOND) / 1000) - sentFrames;
  }

  /** The pause rules alone (when a pause starts or ends): 'pauseLimit' or null. */
  checkPauses(now: number): ClockReason | null {
    if (this.pauses > MAX_PAUSES_PER_GAME || this.awayMs(now) > MAX_AWAY_SECONDS * 1000)
      return 'pauseLimit';
    return null;
  }

  /** Every rule, when a batch arrives that brings the game to `sentFrames` frames. */
  checkBatch(sentFrames: number, now: number): ClockReason | null {
    if (this.#startSlack === null) {
      const lateMs = (this.lagFrames(sentFrames, now) * 1000) / FRAMES_PER_SECOND;
      this.#startSlack = Math.min(START_SLACK_SECONDS * 1000, Math.max(0, lateMs));
    }
    const pauses = this.checkPauses(now);
    if (pauses) return pauses;
    if (sentFrames > latestPlausibleFrame(now - this.#startedAt - this.#pausedMs(now)))
      return 'aheadOfClock';
    if (this.lagFrames(sentFrames, now) > BEHIND_BUDGET_FRAMES) return 'behindClock';
    return null;
  }

  /** Ms the room was paused since this game started, by anyone. */
  #pausedMs(now: number): number {
    return this.#pause.pausedTotal(now) - this.#pausedAtStart;
  }

  /** The running drop's credit: its unpaused duration, at most `RECONNECT_SECONDS`. */
  #runningDrop(now: number): number {
    if (this.#droppedAt === null) return 0;
    const unpaused = now - this.#droppedAt - (this.#pause.pausedTotal(now) - this.#pausedAtDrop);
    return Math.min(RECONNECT_SECONDS * 1000, Math.max(0, unpaused));
  }
}
