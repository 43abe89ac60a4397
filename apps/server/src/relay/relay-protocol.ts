import { timingSafeEqual } from 'node:crypto';
import { MAX_SPECTATORS } from '@tengen/protocol';
import * as z from 'zod';

/**
 * What a watch relay and the game servers say to each other (never a browser). A relay joins a
 * game room as one spectator (`{ spectate: true, relay: true }`, reserved through an authenticated
 * `POST /api/watch/:roomId`) and reports how many watchers it serves from that room.
 */

/** The message a relay sends its game room: `{ count }`, the watchers it serves now. */
export const RELAY_WATCHERS_MESSAGE = 'relayWatchers';

/** A relay reports its watcher count at most this often (the game room's flood limit is 60/s). */
export const RELAY_REPORT_MS = 250;

/** Payload of `RELAY_WATCHERS_MESSAGE`. */
export const relayWatchersSchema = z.strictObject({
  count: z.number().int().min(0).max(MAX_SPECTATORS),
});

/** `Authorization: Bearer <WATCH_RELAY_SECRET>`, on every request between relay and game servers. */
export function relayAuthorization(secret: string): string {
  return `Bearer ${secret}`;
}

/**
 * What an `Authorization` header says: no header at all (a browser), the shared secret (a relay),
 * or anything else (refused).
 */
export function relayCaller(
  header: string | undefined,
  secret: string | undefined,
): 'browser' | 'relay' | 'refused' {
  if (header === undefined) return 'browser';
  if (secret === undefined) return 'refused';
  const given = Buffer.from(header);
  const wanted = Buffer.from(relayAuthorization(secret));
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? 'relay' : 'refused';
}
