import {
  isStorageUnavailable,
  NameTakenError,
  type NewGame,
  type ScoreStore,
} from '@tengen/scores';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import type { Metrics } from '../metrics.ts';
import { outboxEntry, OutboxFile } from './outbox-file.ts';

/** Retry pacing of the outbox. */
export interface OutboxOptions {
  /** First delay between rounds; doubles after each round that leaves games behind. */
  baseDelayMs?: number;
  /** Longest delay between rounds (`OUTBOX_RETRY_MAX_SECONDS`). */
  maxDelayMs: number;
  /** Wall clock (epoch ms), for the entry times and the age gauge. */
  now?: () => number;
}

/**
 * Verified games the database could not take, kept on local disk (`OutboxFile`) and written by a
 * background loop once the database is writable again: at start-up, then with exponential backoff.
 * Each game keeps the id it was first tried with, so a game written just before a crash (and still
 * in the file) is recognised and not stored twice. While games wait, every round logs one error
 * line and `tengen_outbox_games` / `tengen_outbox_oldest_seconds` are above zero.
 */
export class ScoreOutbox {
  readonly #file: OutboxFile;
  readonly #store: ScoreStore;
  readonly #metrics: Metrics;
  readonly #log: Logger;
  readonly #base: number;
  readonly #max: number;
  readonly #now: () => number;
  #delay: number;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #stopped = false;

  private constructor(
    file: OutboxFile,
    store: ScoreStore,
    metrics: Metrics,
    log: Logger,
    opts: OutboxOptions,
  ) {
    this.#file = file;
    this.#store = store;
    this.#metrics = metrics;
    this.#log = log;
    this.#base = opts.baseDelayMs ?? Math.min(1_000, opts.maxDelayMs);
    this.#max = opts.maxDelayMs;
    this.#now = opts.now ?? Date.now;
    this.#delay = this.#base;
    new Gauge({
      name: 'tengen_outbox_games',
      help: 'Verified games kept in the local outbox because the database could not be written',
      registers: [metrics.registry],
      collect() {
        this.set(file.size);
      },
    });
    const now = this.#now;
    new Gauge({
      name: 'tengen_outbox_oldest_seconds',
      help: 'Age of the oldest game in the outbox (0 when empty)',
      registers: [metrics.registry],
      collect() {
        const oldest = file.oldestQueuedAt();
        this.set(oldest === undefined ? 0 : Math.max(0, (now() - oldest) / 1000));
      },
    });
  }

  /** Reads the outbox `dir` (games left by an earlier process) and starts retrying them at once. */
  static async open(
    dir: string,
    store: ScoreStore,
    metrics: Metrics,
    log: Logger,
    opts: OutboxOptions,
  ): Promise<ScoreOutbox> {
    const file = await OutboxFile.open(dir, log);
    const outbox = new ScoreOutbox(file, store, metrics, log, opts);
    if (file.size > 0) {
      log.warn({ games: file.size, file: file.path }, 'score outbox: games from an earlier run');
      outbox.#schedule(0);
    }
    return outbox;
  }

  /** Games waiting. */
  get size(): number {
    return this.#file.size;
  }

  /**
   * Keeps a verified game that the database refused; resolves once it is fsynced. Rejects when the
   * outbox cannot be written either (the caller then reports the save as failed).
   */
  async keep(game: NewGame & { id: string }): Promise<void> {
    if (this.#stopped) throw new Error('score outbox is closed');
    await this.#file.add(outboxEntry(game, this.#now()));
    this.#log.warn(
      { id: game.id, mode: game.mode, name: game.name, score: game.score, games: this.size },
      'score kept in the outbox: the database cannot be written',
    );
    this.#schedule(this.#delay);
  }

  /** The database just took a write: retry waiting games now rather than after the backoff. */
  kick(): void {
    if (this.size === 0 || this.#stopped) return;
    this.#delay = this.#base;
    this.#schedule(0);
  }

  /** One retry round over every waiting game (also what the loop runs). */
  flush(): Promise<void> {
    return (this.#round ??= this.#flush().finally(() => (this.#round = undefined)));
  }

  /**
   * Shutdown: one last round, then no more timers. Games still waiting stay in the file for the
   * next start.
   */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#round;
    if (this.size > 0) await this.flush();
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (this.size > 0)
      this.#log.error(
        { games: this.size, file: this.#file.path },
        'score outbox: games left on disk for the next start',
      );
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer && ms > 0) return; // a round is already planned
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, ms);
    this.#timer.unref();
  }

  async #flush(): Promise<void> {
    const stored: string[] = [];
    let blocked: unknown;
    for (const entry of this.#file.entries()) {
      try {
        const saved = await this.#store.saveGame({
          ...entry.game,
          id: entry.id,
          createdAt: new Date(entry.queuedAt),
        });
        stored.push(entry.id);
        this.#metrics.scoresStored.inc({ mode: entry.game.mode });
        this.#log.info(
          {
            id: saved.id,
            rank: saved.rank,
            mode: entry.game.mode,
            name: entry.game.name,
            score: entry.game.score,
            waitedSeconds: Math.round((this.#now() - entry.queuedAt) / 1000),
          },
          'score stored from the outbox',
        );
      } catch (err) {
        this.#metrics.storeErrors.inc({ op: 'outbox' });
        if (isStorageUnavailable(err)) {
          blocked = err;
          break; // the database is still unwritable: the rest would fail the same way
        }
        if (err instanceof NameTakenError) {
          // Two browsers queued games under one free name while the database was down: the first
          // stored holds it now, and this one can never be stored under it.
          stored.push(entry.id);
          this.#log.error(
            { id: entry.id, name: entry.game.name, score: entry.game.score },
            'score outbox: game dropped, its name was claimed by another browser meanwhile',
          );
          continue;
        }
        // Not a storage fault (a bug, a corrupt entry): keep it, log it, go on with the others.
        this.#log.error({ err, id: entry.id }, 'score outbox: this game cannot be stored');
      }
    }
    if (stored.length > 0) {
      await this.#file.remove(stored).catch((err: unknown) => {
        // Stored but still listed: the next round finds them stored (same id) and drops them.
        this.#log.error({ err }, 'score outbox: removing stored games failed');
      });
    }
    if (this.size === 0) {
      if (stored.length > 0) this.#log.info({ stored: stored.length }, 'score outbox empty');
      this.#delay = this.#base;
      return;
    }
    const oldest = this.#file.oldestQueuedAt() ?? this.#now();
    this.#log.error(
      {
        games: this.size,
        oldestSeconds: Math.round((this.#now() - oldest) / 1000),
        retryInSeconds: this.#delay / 1000,
        err: blocked,
      },
      'score outbox not empty: the database cannot be written',
    );
    this.#schedule(this.#delay);
    this.#delay = stored.length > 0 ? this.#base : Math.min(this.#max, this.#delay * 2);
  }
}
