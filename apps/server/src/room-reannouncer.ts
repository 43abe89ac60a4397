import { matchMaker, type Presence } from '@colyseus/core';
import type { Logger } from 'pino';

/** Timing of `RoomReannouncer`. */
export interface ReannounceOptions {
  /** How often the marker is checked (and its TTL refreshed). */
  intervalMs?: number;
  /** TTL of the marker: a crashed process's marker disappears on its own. */
  markerTtlSeconds?: number;
  /** Longest wait for one Redis round trip (Redis down: the round is skipped). */
  timeoutMs?: number;
  /** What to do after a loss; default: re-save this process's room listings and room count. */
  reannounce?: () => Promise<void>;
}

/** Re-saves every local room's listing that Redis no longer has, and this process's room count. */
async function reannounceRooms(): Promise<void> {
  await matchMaker.restoreMissingRoomCaches();
  await matchMaker.stats.persist(true);
}

/**
 * Puts this process's rooms back into Redis after Redis lost its data (restarted without
 * persistence, flushed, failed over to an empty replica). Colyseus keeps room listings (private
 * codes, quick-match rooms waiting for a second player) and the per-process room counts only in
 * Redis; the pub/sub channels come back by themselves (ioredis and RedisPresence resubscribe on
 * reconnect), the listings do not.
 *
 * Detection: a marker key per process (`tengen:alive:<processId>`, short TTL refreshed every
 * round). A missing marker means Redis lost it, whatever the cause, and even when the connection
 * never dropped (FLUSHALL) or came back before anyone noticed. Re-announcing only re-saves listings
 * that are missing, so a spurious round (marker expired while the event loop was blocked) is harmless.
 */
export class RoomReannouncer {
  readonly #presence: Presence;
  readonly #log: Logger;
  readonly #ttl: number;
  readonly #timeoutMs: number;
  readonly #reannounce: () => Promise<void>;
  readonly #timer: NodeJS.Timeout;
  #marked = false;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(presence: Presence, log: Logger, opts: ReannounceOptions = {}) {
    this.#presence = presence;
    this.#log = log;
    this.#ttl = opts.markerTtlSeconds ?? 60;
    this.#timeoutMs = opts.timeoutMs ?? 1_000;
    this.#reannounce = opts.reannounce ?? reannounceRooms;
    this.#timer = setInterval(() => void this.check(), opts.intervalMs ?? 2_000);
    this.#timer.unref();
  }

  /** Redis key of this process's marker. */
  get markerKey(): string {
    return `tengen:alive:${matchMaker.processId}`;
  }

  /** One round: re-announce if the marker is gone, then (re)set it. Never rejects. */
  check(): Promise<void> {
    return (this.#running ??= this.#check().finally(() => (this.#running = undefined)));
  }

  /** Stops the rounds and removes the marker (a drained process has nothing to announce). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
    await this.#timed(Promise.resolve(this.#presence.del(this.markerKey))).catch(() => undefined);
  }

  async #check(): Promise<void> {
    if (this.#stopped) return;
    try {
      const present = await this.#timed(this.#presence.exists(this.markerKey));
      if (!present && this.#marked) {
        this.#log.warn("redis lost this process's rooms (restarted empty?): re-announcing them");
        await this.#timed(this.#reannounce());
        this.#log.info({ rooms: matchMaker.stats.local.roomCount }, 'rooms re-announced to redis');
      }
      if (this.#stopped) return;
      await this.#timed(Promise.resolve(this.#presence.setex(this.markerKey, '1', this.#ttl)));
      this.#marked = true;
    } catch (err) {
      // Redis is down or slow: the next round tries again (readiness reports it meanwhile).
      this.#log.debug({ err }, 'room re-announce check failed');
    }
  }

  #timed<T>(op: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('redis timeout')), this.#timeoutMs);
    });
    return Promise.race([op, expired]).finally(() => clearTimeout(timer));
  }
}
