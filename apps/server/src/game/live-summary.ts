import type { LivePlayer, PlayerPhase, RoomName } from '@tengen/protocol';
import type { GameRoomState } from './room-state.ts';

/** A public room publishes its `LiveSummary` at most this often. */
export const LIVE_METADATA_INTERVAL_MS = 1_000;

/**
 * What a public room publishes as its matchmaking metadata (`setMetadata`), which the matchmaker's
 * driver stores (Redis with `REDIS_URL`), so `GET /api/live` on any process can list it.
 */
export interface LiveSummary {
  /** True while at least one game in the room is being played. */
  live: boolean;
  mode: RoomName;
  players: LivePlayer[];
  spectators: number;
}

/** The room's summary for the Live page, from its state (players in seat order). */
export function liveSummary(state: GameRoomState): LiveSummary {
  const players: LivePlayer[] = [];
  let live = false;
  state.players.forEach((p) => {
    if (p.left) return;
    const phase = p.phase as PlayerPhase;
    if (phase === 'playing') live = true;
    players.push({ phase, level: p.level, score: p.score, lines: p.lines });
  });
  return {
    live: live && state.phase === 'playing',
    mode: state.mode === 'duo' ? 'duo' : 'solo',
    players,
    spectators: state.spectators,
  };
}

/** Timers for `LiveMetadata` (injected so tests control time). */
export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Publishes a room's `LiveSummary` at most once per `intervalMs`, and only when it changed: a duo
 * room changes its state about ten times a second, and each publish is a driver write (a Redis
 * `HSET` of the room's listing when scaled out). Call `touch()` whenever the state may have changed.
 */
export class LiveMetadata {
  readonly #intervalMs: number;
  readonly #summarize: () => LiveSummary;
  readonly #publish: (s: LiveSummary) => Promise<void>;
  readonly #clock: Scheduler;
  #timer: unknown = null;
  #last = -Infinity;
  #lastKey = '';
  #stopped = false;

  constructor(opts: {
    intervalMs: number;
    summarize: () => LiveSummary;
    publish: (s: LiveSummary) => Promise<void>;
    clock?: Scheduler;
  }) {
    this.#intervalMs = opts.intervalMs;
    this.#summarize = opts.summarize;
    this.#publish = opts.publish;
    this.#clock = opts.clock ?? realScheduler;
  }

  /** Something in the room changed: publish within `intervalMs` if the summary differs. */
  touch(): void {
    if (this.#timer !== null || this.#stopped) return;
    const delay = Math.max(0, this.#last + this.#intervalMs - this.#clock.now());
    this.#timer = this.#clock.setTimeout(() => this.#fire(), delay);
  }

  /** No more publishing (the room is going away). */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #fire(): void {
    this.#timer = null;
    if (this.#stopped) return;
    this.#last = this.#clock.now();
    const summary = this.#summarize();
    const key = JSON.stringify(summary);
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    void this.#publish(summary).catch(() => undefined);
  }
}
