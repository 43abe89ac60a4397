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
 * Every process that may own listed rooms, in the presence (Redis): each process adds itself at its
 * first round and at every round after (so a flushed Redis learns it again). It stays there while it
 * drains (Colyseus takes a draining process off its own list at once, and one killed mid-drain
 * must still be found) and after it stops: the other processes' next round finds it silent and
 * takes it off once Colyseus has removed its rooms.
 */
export const PROCESSES_KEY = 'tengen:processes';

/**
 * One round: Colyseus's own check of every process in its process list whose Redis channel is
 * gone, then the same check for every process in `PROCESSES_KEY` that is neither in that list nor
 * on its channel. Colyseus drops a process from the list without removing its rooms when a room
 * creation there times out, so after a crash the first player sent to the dead process hid its
 * rooms from the first check for good (seen in the cluster test: listed 60 s after a SIGKILL).
 * `healthCheckProcessId` removes the rooms of a process that does not answer in 2 s. Finding those
 * processes by scanning every listed room for its owner cost each process an `HGETALL` of the whole
 * room listing every round (66 ms of CPU with 6,000 rooms); the set is read instead.
 */
async function sweepDeadProcesses(): Promise<void> {
  const presence = matchMaker.presence;
  await presence.sadd(PROCESSES_KEY, matchMaker.processId);
  await matchMaker.healthCheckAllProcesses();
  const channels = new Set((await presence.channels('p:*')).map((c) => c.slice(2)));
  const known = await presence.smembers(PROCESSES_KEY);
  const silent = known.filter((id) => id !== matchMaker.processId && !channels.has(id));
  await Promise.all(
    silent.map(async (id) => {
      if (!(await matchMaker.healthCheckProcessId(id))) await presence.srem(PROCESSES_KEY, id);
    }),
  );
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

  /** The first round starts at once (it registers this process), the next ones every interval. */
  constructor(log: Logger, opts: SweepOptions = {}) {
    this.#log = log;
    this.#sweep = opts.sweep ?? sweepDeadProcesses;
    this.#timer = setInterval(() => void this.check(), opts.intervalMs ?? SWEEP_INTERVAL_MS);
    this.#timer.unref();
    void this.check();
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
