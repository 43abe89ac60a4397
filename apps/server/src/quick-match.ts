import { matchMaker, ServerError } from '@colyseus/core';
import { MATCHMAKE_REFUSAL } from '@tengen/protocol';
import { findOpenRoom } from './quick-match-index.ts';

/**
 * How long a quick-match seat is held for its player's socket (Colyseus's default is 15 s). A client
 * opens its socket as soon as matchmaking answers (one connection set-up, about 1 s on a slow
 * mobile link); a seat whose player never comes (the connection failed) keeps the room's first
 * player waiting alone until it lapses: 16 s alone in the cluster test's rolling restart.
 */
export const QUICK_MATCH_SEAT_SECONDS = 3;
/** How long one quick-match call may keep looking before it gives up (the client then retries). */
export const QUICK_MATCH_BUDGET_MS = 15_000;
/** Pause between two looks after a lost race for a seat: short, with jitter to split a crowd. */
const RETRY_MIN_MS = 15;
const RETRY_JITTER_MS = 35;
/** The creation lock's lifetime: a crashed holder frees it by itself after this. */
const CREATE_LOCK_SECONDS = 5;
const CREATE_LOCK_KEY = 'tengen:quickmatch:creating';

type Reservation = Awaited<ReturnType<typeof matchMaker.reserveSeatFor>>;

/**
 * Worth another look at once: Colyseus's refusal of a seat (the room filled first), or a room
 * creation refused by a process that began leaving since it was chosen.
 */
function retryable(err: unknown): boolean {
  const e = err as { constructor?: { name?: string }; message?: unknown } | null;
  return (
    e?.constructor?.name === 'SeatReservationError' ||
    (typeof e?.message === 'string' && e.message.includes('the server is restarting'))
  );
}

const pause = () =>
  new Promise((r) => setTimeout(r, RETRY_MIN_MS + Math.random() * RETRY_JITTER_MS));

/**
 * Quick match (`joinOrCreate`) without Colyseus's backoff. When several players look at once, they
 * all find the same room with one free seat; one gets it and every other is refused. Colyseus's own
 * `join`/`joinOrCreate` then waits a random 0-0.4·2^n s before looking again (n = refusals so far,
 * up to 5): in the cluster test's rolling restart, where a draining process sends its players back
 * together, that made quick-match calls take 3-12 s. Here a refused player looks again after
 * 15-50 ms (the full room is locked by then), and only one process at a time creates a room when
 * none is open (a lock in the presence, as Colyseus's own), so players arriving together pair up
 * instead of each opening a room of their own. `beforeCreate` may throw (the creation limit).
 * Open rooms are found in the set of rooms waiting for a player (`findOpenRoom`), oldest first, not
 * by scanning every listed room. The game rooms have no static `onAuth`, so no auth data is passed.
 */
export async function quickMatch(
  roomName: string,
  options: Record<string, unknown>,
  beforeCreate: () => void,
  budgetMs = QUICK_MATCH_BUDGET_MS,
): Promise<Reservation> {
  const deadline = Date.now() + budgetMs;
  const presence = matchMaker.presence;
  // Rooms that refused this player: not offered again in this call (a room can stay listed while
  // it refuses everyone, e.g. one closing on a leaving process; Colyseus would retry it each time).
  const refused = new Set<string>();
  const findOpen = () => findOpenRoom(roomName, refused);
  const reserve = async (room: NonNullable<Awaited<ReturnType<typeof findOpen>>>) => {
    try {
      return await matchMaker.reserveSeatFor(room, options, undefined);
    } catch (err) {
      refused.add(room.roomId);
      throw err;
    }
  };
  for (;;) {
    const open = await findOpen();
    if (open) {
      try {
        return await reserve(open);
      } catch (err) {
        if (!retryable(err)) throw err;
      }
    } else {
      // Holders counted, not owned: a count that drifted below zero lets two create (harmless).
      const holders = await presence.hincrbyex(CREATE_LOCK_KEY, roomName, 1, CREATE_LOCK_SECONDS);
      try {
        if (holders <= 1) {
          const target =
            (await findOpen()) ?? (beforeCreate(), await matchMaker.createRoom(roomName, options));
          return await reserve(target);
        }
      } catch (err) {
        if (!retryable(err)) throw err;
      } finally {
        await presence.hincrbyex(CREATE_LOCK_KEY, roomName, -1, CREATE_LOCK_SECONDS);
      }
    }
    // The client shows this code as "New games cannot be started for a moment ... Try again shortly."
    if (Date.now() > deadline)
      throw new ServerError(
        MATCHMAKE_REFUSAL.matchmakingUnavailable,
        'no room could be found in time, try again shortly',
      );
    await pause();
  }
}
