import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';

/** Timing of `DeadProcessSweeper`. */
export interface SweepOptions {
  /** How often the process list is checked. */
  intervalMs?: number;
  /** One round; default: `sweepDeadProcesses`. */
  sweep?: () => Promise<void>;
}

/** How often a process looks for dead peers by default. */
export const SWEEP_INTERVAL_MS = 5_000;

/**
 * One round: Colyseus's own check of every process in its process list whose Redis channel is
 * gone, then the same check for every process that still has listed rooms but is neither in that
 * list nor on its channel. Colyseus drops a process from the list without removing its rooms when
 * a room creation there times out, so after a crash the first player sent to the dead process
 * hid its rooms from the first check for good (seen in the cluster test: listed 60 s after a
 * SIGKILL). `healthCheckProcessId` removes the rooms of a process that does not answer in 2 s.
 */
async function sweepDeadProcesses(): Promise<void> {
  await matchMaker.healthCheckAllProcesses();
  const channels = new Set((await matchMaker.presence.channels('p:*')).map((c) => c.slice(2)));
  const owners = new Set((await matchMaker.query({})).map((room) => room.processId));
  const orphans = [...owners].filter((id) => id !== matchMaker.processId && !channels.has(id));
  await Promise.all(orphans.map((id) => matchMaker.healthCheckProcessId(id)));
}

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
    this.#sweep = opts.sweep ?? sweepDeadProcesses;
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
