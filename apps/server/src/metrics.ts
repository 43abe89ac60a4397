import { GAME_MODES, MATCHMAKE_REFUSAL, UNRANKED_REASONS, type GameMode } from '@tengen/protocol';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { FastHistogram } from './fast-histogram.ts';

/** Room types, the `type` label of room and client gauges. */
export type RoomType = GameMode;

/** Outcomes of a score submit, the `result` label of `tengen_submits_total`. */
export const SUBMIT_RESULTS = ['stored', 'queued', 'mismatch', 'copied', 'failed'] as const;
/** One submit outcome. */
export type SubmitResult = (typeof SUBMIT_RESULTS)[number];

/** A live room as the gauges see it. */
export interface TrackedRoom {
  readonly mode: RoomType;
  readonly clientCount: number;
}

/**
 * The server's Prometheus instruments, on a registry of their own (so several servers can live in
 * one test process). Default Node metrics include the event-loop lag (`nodejs_eventloop_lag_*`).
 */
export class Metrics {
  readonly registry = new Registry();
  /** Live rooms; the room and client gauges are computed from them at scrape time. */
  readonly liveRooms = new Set<TrackedRoom>();
  readonly rooms = new Gauge({
    name: 'tengen_rooms',
    help: 'Rooms open on this process',
    labelNames: ['type'],
    registers: [this.registry],
    collect: () => this.#collect(),
  });
  readonly clients = new Gauge({
    name: 'tengen_clients',
    help: 'Connected clients on this process',
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly gamesStarted = this.#counter(
    'tengen_games_started_total',
    'Games started (restarts included)',
    ['mode'],
  );
  readonly gamesFinished = this.#counter(
    'tengen_games_finished_total',
    'Games that reached top-out on the server',
    ['mode'],
  );
  readonly scoresStored = this.#counter(
    'tengen_scores_stored_total',
    'Verified scores written to the database',
    ['mode'],
  );
  readonly verificationFailures = this.#counter(
    'tengen_verification_failures_total',
    'Submits refused because re-running the replay did not reproduce the live game',
  );
  readonly unranked = this.#counter(
    'tengen_unranked_games_total',
    'Games made unranked by the real-time rules (reason: aheadOfClock, behindClock, pauseLimit)',
    ['reason'],
  );
  // Observed on every input batch: the fast path (see fast-histogram.ts).
  readonly clockLag = this.#histogram(
    'tengen_clock_lag_seconds',
    'How far a game trailed the wall clock when an input batch arrived (0 when ahead); the budget is 3 s',
    [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 5],
    FastHistogram,
  );
  readonly copiedGames = this.#counter(
    'tengen_copied_games_total',
    'Submits refused because the game copies a stored game',
  );
  readonly rejectedMessages = this.#counter(
    'tengen_rejected_messages_total',
    'Client messages refused',
    ['code'],
  );
  readonly disconnects = this.#counter(
    'tengen_forced_disconnects_total',
    'Clients disconnected by the server',
    ['reason'],
  );
  readonly matchmakeRefusals = this.#counter(
    'tengen_matchmake_refusals_total',
    'Matchmaking calls refused by the abuse limits',
    ['reason'],
  );
  // Observed on every input batch: the fast path.
  readonly relayLatency = this.#histogram(
    'tengen_relay_latency_seconds',
    'From an input batch reaching its room to the resulting state patch being written to the sockets',
    [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    FastHistogram,
  );
  readonly storeErrors = this.#counter(
    'tengen_store_errors_total',
    'Score store operations that failed',
    ['op'],
  );
  readonly verificationSeconds = this.#histogram(
    'tengen_verification_seconds',
    'Time to verify a submitted game: re-running its replay and the copy check',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  );
  readonly submits = this.#counter(
    'tengen_submits_total',
    'Score submits by outcome: stored, queued (outbox), mismatch (replay), copied, failed (lost)',
    ['result'],
  );
  readonly matchmakingWait = this.#histogram(
    'tengen_matchmaking_wait_seconds',
    'How long a quick-match duo room waited with its first player until an opponent joined',
    [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
  );

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    // Every reason is exported from the start (at 0), so alerts can rely on the series.
    for (const reason of UNRANKED_REASONS) this.unranked.inc({ reason }, 0);
    for (const result of SUBMIT_RESULTS) this.submits.inc({ result }, 0);
    for (const op of ['save', 'outbox']) this.storeErrors.inc({ op }, 0);
    for (const reason of Object.keys(MATCHMAKE_REFUSAL)) this.matchmakeRefusals.inc({ reason }, 0);
    if (opts.defaultMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /** A counter on this registry; `labelNames` type the labels its `inc` takes. */
  #counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram on this registry, in seconds, with its bucket bounds. */
  #histogram(name: string, help: string, buckets: number[], Kind: typeof Histogram = Histogram) {
    return new Kind({ name, help, buckets, registers: [this.registry] });
  }

  #collect(): void {
    const rooms = { solo: 0, duo: 0 };
    const clients = { solo: 0, duo: 0 };
    for (const r of this.liveRooms) {
      rooms[r.mode]++;
      clients[r.mode] += r.clientCount;
    }
    for (const type of GAME_MODES) {
      this.rooms.set({ type }, rooms[type]);
      this.clients.set({ type }, clients[type]);
    }
  }
}
