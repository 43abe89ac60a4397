import { Client, type Room as SdkRoom } from '@colyseus/sdk';
import type { RoomStateShape } from '@tengen/protocol';
import { RELAY_REPORT_MS, RELAY_WATCHERS_MESSAGE } from './relay-protocol.ts';
import { requestSeat, SEAT_REQUEST_TIMEOUT_MS, type SeatAnswer } from './seat-request.ts';

/** What the relay hears from its upstream connection. */
export interface UpstreamEvents {
  /** The game room's state changed (decoded from its patches). */
  state(state: RoomStateShape): void;
  /** The connection ended, with the game room's close code (or the socket's). */
  end(code: number): void;
}

/**
 * A relay's one connection to a game room: a spectator seat obtained with the relay secret
 * (`POST {upstream}/api/watch/:roomId`), joined with the Colyseus SDK, without the SDK's automatic
 * reconnection (the game room keeps no seat for spectators: a lost connection is the end).
 * Reports the relay's watcher count to the room, at most every `RELAY_REPORT_MS`.
 */
export class Upstream {
  readonly #room: SdkRoom<unknown, RoomStateShape>;
  #wanted = 0;
  #sent = 0;
  #sentAt = 0;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  /** The close code once the connection ended. */
  #endCode: number | null = null;
  #events: UpstreamEvents | null = null;
  /** Resolves with the first full state. */
  readonly #ready: Promise<void>;

  private constructor(room: SdkRoom<unknown, RoomStateShape>) {
    this.#room = room;
    room.reconnection.enabled = false;
    // The game room answers nothing the relay needs (an `error` would mean a bug here): ignore.
    room.onMessage('*', () => undefined);
    this.#ready = new Promise((resolve) => {
      // The full state may have been decoded in the same tick as the join (before these handlers).
      if (room.state?.players !== undefined) resolve();
      room.onStateChange((state) => {
        resolve();
        this.#events?.state(state);
      });
      room.onLeave((code) => {
        resolve();
        this.#closed = true;
        this.#endCode = code;
        if (this.#timer !== null) clearTimeout(this.#timer);
        this.#events?.end(code);
      });
    });
  }

  /** Hands the connection's events to `events`, starting with the state as it is now. */
  attach(events: UpstreamEvents): void {
    this.#events = events;
    events.state(this.#room.state);
    if (this.#endCode !== null) events.end(this.#endCode);
  }

  /**
   * Joins game room `gameRoomId` through the game servers at `base` and waits for its first full
   * state; a refusal says why (with the game server's HTTP status).
   */
  static async open(
    base: string,
    secret: string,
    gameRoomId: string,
  ): Promise<{ ok: true; upstream: Upstream } | Extract<SeatAnswer, { ok: false }>> {
    const seat = await requestSeat(base, `/api/watch/${encodeURIComponent(gameRoomId)}`, secret);
    if (!seat.ok) return seat;
    let timer: NodeJS.Timeout | undefined;
    let upstream: Upstream | undefined;
    let timedOut = false;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new Error('timeout'));
        }, SEAT_REQUEST_TIMEOUT_MS);
      });
      const joining = new Client(base).consumeSeatReservation<RoomStateShape>(seat.reservation);
      // A join that completes after the timeout must not stay connected unseen.
      joining.then(
        (late) => timedOut && void late.leave(true).catch(() => undefined),
        () => undefined,
      );
      const room = await Promise.race([joining, timeout]);
      upstream = new Upstream(room);
      await Promise.race([upstream.#ready, timeout]);
      if (upstream.#endCode !== null) throw new Error('ended at once');
      return { ok: true, upstream };
    } catch {
      upstream?.leave();
      return { ok: false, status: 503, error: 'The game could not be reached, try again.' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The current state as decoded so far. */
  get state(): RoomStateShape {
    return this.#room.state;
  }

  /** The relay serves `count` watchers from this room now (sent coalesced). */
  report(count: number): void {
    this.#wanted = count;
    if (this.#timer !== null || this.#closed) return;
    const wait = Math.max(0, this.#sentAt + RELAY_REPORT_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#closed || this.#wanted === this.#sent) return;
      this.#sent = this.#wanted;
      this.#sentAt = Date.now();
      this.#room.send(RELAY_WATCHERS_MESSAGE, { count: this.#sent });
    }, wait);
  }

  /** Leaves the game room (the relay has no watchers left for it). */
  leave(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    void this.#room.leave(true).catch(() => undefined);
  }
}
