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
  readonly gamesStarted = new Counter({
    name: 'tengen_games_started_total',
    help: 'Games started (restarts included)',
    labelNames: ['mode'],
    registers: [this.registry],
  });
  readonly gamesFinished = new Counter({
    name: 'tengen_games_finished_total',
    help: 'Games that reached top-out on the server',
    labelNames: ['mode'],
    registers: [this.registry],
  });
  readonly scoresStored = new Counter({
    name: 'tengen_scores_stored_total',
    help: 'Verified scores written to the database',
    labelNames: ['mode'],
    registers: [this.registry],
  });
  readonly verificationFailures = new Counter({
    name: 'tengen_verification_failures_total',
    help: 'Submits refused because re-running the replay did not reproduce the live game',
    registers: [this.registry],
  });
  readonly unranked = new Counter({
    name: 'tengen_unranked_games_total',
    help: 'Games made unranked by the real-time rules (reason: aheadOfClock, behindClock, pauseLimit)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  // Observed on every input batch: the fast path (see fast-histogram.ts).
  readonly clockLag = new FastHistogram({
    name: 'tengen_clock_lag_seconds',
    help: 'How far a game trailed the wall clock when an input batch arrived (0 when ahead); the budget is 3 s',
    buckets: [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 5],
    registers: [this.registry],
  });
  readonly copiedGames = new Counter({
    name: 'tengen_copied_games_total',
    help: 'Submits refused because the game copies a stored game',
    registers: [this.registry],
  });
  readonly rejectedMessages = new Counter({
    name: 'tengen_rejected_messages_total',
    help: 'Client messages refused',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly disconnects = new Counter({
    name: 'tengen_forced_disconnects_total',
    help: 'Clients disconnected by the server',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly matchmakeRefusals = new Counter({
    name: 'tengen_matchmake_refusals_total',
    help: 'Matchmaking calls refused by the abuse limits',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  // Observed on every input batch: the fast path (see fast-histogram.ts).
  readonly relayLatency = new FastHistogram({
    name: 'tengen_relay_latency_seconds',
    help: 'From an input batch reaching its room to the resulting state patch being written to the sockets',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'tengen_store_errors_total',
    help: 'Score store operations that failed',
    labelNames: ['op'],
    registers: [this.registry],
  });
  readonly verificationSeconds = new Histogram({
    name: 'tengen_verification_seconds',
    help: 'Time to verify a submitted game: re-running its replay and the copy check',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly submits = new Counter({
    name: 'tengen_submits_total',
    help: 'Score submits by outcome: stored, queued (outbox), mismatch (replay), copied, failed (lost)',
    labelNames: ['result'],
    registers: [this.registry],
  });
  readonly matchmakingWait = new Histogram({
    name: 'tengen_matchmaking_wait_seconds',
    help: 'How long a quick-match duo room waited with its first player until an opponent joined',
    buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
    registers: [this.registry],
  });

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    // Every reason is exported from the start (at 0), so alerts can rely on the series.
    for (const reason of UNRANKED_REASONS) this.unranked.inc({ reason }, 0);
    for (const result of SUBMIT_RESULTS) this.submits.inc({ result }, 0);
    for (const op of ['save', 'outbox']) this.storeErrors.inc({ op }, 0);
    for (const reason of Object.keys(MATCHMAKE_REFUSAL)) this.matchmakeRefusals.inc({ reason }, 0);
    if (opts.defaultMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
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
