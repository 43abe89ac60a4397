import { matchMaker, type IRoomCache } from '@colyseus/core';
import type { SeatAnswer } from './seat-request.ts';
import { Upstream } from './upstream.ts';

/** The relay's room type: one `watch` room per watched game room. */
export const WATCH_ROOM = 'watch';

interface Entry {
  listing: Promise<IRoomCache | Extract<SeatAnswer, { ok: false }>>;
  roomId: string | null;
}

/**
 * The relay's one watch room per game room: the first watcher of a game opens the upstream
 * connection (one spectator seat in the game room) and creates the watch room that mirrors it;
 * later watchers get seats in that room. Requests for the same game while the first is in flight
 * wait for it, so a game is never joined twice by one relay.
 */
export class WatchDirectory {
  readonly #entries = new Map<string, Entry>();
  /** Upstream connections opened for watch rooms being created (taken in `onCreate`). */
  readonly #handoff = new Map<string, Upstream>();
  readonly #upstreamUrl: string;
  readonly #secret: string;

  constructor(upstreamUrl: string, secret: string) {
    this.#upstreamUrl = upstreamUrl;
    this.#secret = secret;
  }

  /** A watcher's seat for game room `gameRoomId`, or why there is none (HTTP status and words). */
  async seat(gameRoomId: string): Promise<SeatAnswer> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let entry = this.#entries.get(gameRoomId);
      if (entry === undefined) {
        entry = { listing: this.#open(gameRoomId), roomId: null };
        this.#entries.set(gameRoomId, entry);
      }
      const current = entry;
      const listing = await current.listing;
      if ('ok' in listing) {
        if (this.#entries.get(gameRoomId) === current) this.#entries.delete(gameRoomId);
        return listing;
      }
      current.roomId = listing.roomId;
      try {
        return { ok: true, reservation: await matchMaker.reserveSeatFor(listing, {}) };
      } catch {
        // Full, or closing after its last watcher left (then it is forgotten already): try anew.
        if (this.#entries.get(gameRoomId) === current)
          return {
            ok: false,
            status: 409,
            error: 'This game has as many spectators as it can take.',
          };
      }
    }
    return { ok: false, status: 503, error: 'The game could not be reached, try again.' };
  }

  /** The upstream connection opened for `gameRoomId`'s watch room (once). */
  take(gameRoomId: string): Upstream | undefined {
    const upstream = this.#handoff.get(gameRoomId);
    this.#handoff.delete(gameRoomId);
    return upstream;
  }

  /** Watch room `roomId` closes (or has no watchers left): the next watcher gets a new one. */
  forget(gameRoomId: string, roomId: string): void {
    if (this.#entries.get(gameRoomId)?.roomId === roomId) this.#entries.delete(gameRoomId);
  }

  /** Watch rooms open. */
  get size(): number {
    return this.#entries.size;
  }

  async #open(gameRoomId: string): Promise<IRoomCache | Extract<SeatAnswer, { ok: false }>> {
    const opened = await Upstream.open(this.#upstreamUrl, this.#secret, gameRoomId);
    if (!opened.ok) return opened;
    this.#handoff.set(gameRoomId, opened.upstream);
    try {
      return await matchMaker.createRoom(WATCH_ROOM, { gameRoomId });
    } catch {
      this.take(gameRoomId)?.leave();
      return { ok: false, status: 503, error: 'The relay could not open this game, try again.' };
    }
  }
}
