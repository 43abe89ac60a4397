import { matchMaker, type IRoomCache } from '@colyseus/core';
import type { Logger } from 'pino';

/**
 * The rooms waiting for a quick-match player, one set per room name in the presence (Redis when the
 * processes scale out, shared by all of them). Quick match reads this set instead of the whole room
 * listing: Colyseus's `query` fetches and parses every listed room of the cluster (Redis `HGETALL`
 * of its room caches), 22 ms of CPU per look with 2,000 rooms listed and 67 ms with 6,000
 * (`npx nx run server:bench -c matchmaking`), so each player's quick match cost more the more
 * people played. The set holds only rooms with a free seat.
 */
export const openRoomsKey = (roomName: string): string => `tengen:quickmatch:open:${roomName}`;

/**
 * How often a waiting room lists itself again: a listing lost with Redis (flushed, or down when the
 * room listed itself) is back within this, and a lock Colyseus made without the room's code knowing
 * takes it off by then.
 */
export const RELIST_MS = 2_000;

/**
 * One room's entry in the set: listed while `isOpen()` holds. The room calls `sync()` after each
 * change that may open or close it (a player came or left, a lock, an unlock, a drain); while listed,
 * it checks again and re-lists itself every `RELIST_MS`. Presence errors (Redis down) are logged and
 * healed by the next round.
 */
export class QuickMatchListing {
  readonly #key: string;
  readonly #roomId: string;
  readonly #isOpen: () => boolean;
  readonly #log: Logger;
  #listed = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(roomName: string, roomId: string, isOpen: () => boolean, log: Logger) {
    this.#key = openRoomsKey(roomName);
    this.#roomId = roomId;
    this.#isOpen = isOpen;
    this.#log = log;
  }

  /** Lists or unlists the room to match `isOpen()` (no presence call when nothing changed). */
  sync(): void {
    const open = this.#isOpen();
    if (open === this.#listed) return;
    this.#listed = open;
    if (open) {
      this.#timer = setInterval(() => this.#relist(), RELIST_MS);
      this.#timer.unref();
      this.#call('sadd');
    } else {
      this.#stopTimer();
      this.#call('srem');
    }
  }

  /** The room is gone: off the set for good (even if an earlier removal was lost with Redis). */
  close(): void {
    this.#stopTimer();
    this.#listed = false;
    this.#call('srem');
  }

  #relist(): void {
    if (this.#isOpen()) this.#call('sadd');
    else this.sync();
  }

  #stopTimer(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #call(op: 'sadd' | 'srem'): void {
    Promise.resolve(matchMaker.presence[op](this.#key, this.#roomId)).catch((err: unknown) =>
      this.#log.warn({ err, room: this.#roomId }, `quick-match listing (${op}) failed`),
    );
  }
}

const createdAt = (room: IRoomCache): number =>
  room.createdAt === undefined ? 0 : new Date(room.createdAt).getTime();

/**
 * The open room of `roomName` that has waited longest, skipping `refused` ids: the listed ids'
 * room caches are fetched by id (`HMGET`), and an id whose room is gone (it closed, or its process
 * died and was swept) leaves the set. A listed room that is locked, private or of another name is
 * skipped, not removed: the room itself decides its listing.
 */
export async function findOpenRoom(
  roomName: string,
  refused: ReadonlySet<string>,
): Promise<IRoomCache | undefined> {
  const key = openRoomsKey(roomName);
  const ids = (await matchMaker.presence.smembers(key)).filter((id) => !refused.has(id));
  if (ids.length === 0) return undefined;
  const rooms = await matchMaker.findRoomsByIds(ids);
  let best: IRoomCache | undefined;
  for (const id of ids) {
    const room = rooms.get(id);
    if (!room) {
      await matchMaker.presence.srem(key, id);
      continue;
    }
    if (room.locked || room.private || room.name !== roomName) continue;
    if (!best || createdAt(room) < createdAt(best)) best = room;
  }
  return best;
}
