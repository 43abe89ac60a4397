import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';

/** Timing of `DeadProcessSweeper`. */
export interface SweepOptions {
  /** How often the process list is checked. */
  intervalMs?: number;
  /** One round; default: Colyseus's check of every process that lost its Redis channel. */
  sweep?: () => Promise<void>;
}

/** How often a process looks for dead peers by default. */
export const SWEEP_INTERVAL_MS = 5_000;

/**
 * Removes the room listings of a process that died without draining (SIGKILL, OOM kill, lost
 * node). Colyseus checks its peers only when a process starts or when a seat request to a dead
 * one times out, so a dead process's games stayed on the Live page and its waiting rooms kept
 * taking players until something restarted. Each round asks Colyseus to health-check every
 * process whose Redis channel is gone (`healthCheckAllProcesses`): one that does not answer
 * within 2 s is taken out of the process list and its rooms are removed.
 */
export class DeadProcessSweeper {
  readonly #timer: NodeJS.Timeout;
  readonly #sweep: () => Promise<void>;
  readonly #log: Logger;
  #running: Promise<void> | undefined;

  constructor(log: Logger, opts: SweepOptions = {}) {
    this.#log = log;
    this.#sweep = opts.sweep ?? (() => matchMaker.healthCheckAllProcesses());
    this.#timer = setInterval(() => void this.check(), opts.intervalMs ?? SWEEP_INTERVAL_MS);
    this.#timer.unref();
  }

  /** One round (a round already running is shared). Never rejects. */
  check(): Promise<void> {
    return (this.#running ??= this.#sweep()
      .catch((err: unknown) => this.#log.warn({ err }, 'sweeping dead processes failed'))
      .finally(() => (this.#running = undefined)));
  }

  /** No more rounds; resolves once the one running (if any) is done. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }
}
