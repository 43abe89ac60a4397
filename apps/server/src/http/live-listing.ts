import type { IRoomCache } from '@colyseus/core';
import { ROOM, type LiveGame } from '@tengen/protocol';
import * as z from 'zod';
import { LIVE_METADATA_INTERVAL_MS } from '../game/live-summary.ts';

const count = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32);

/** A room's published summary (`LiveSummary`), as read back from the matchmaker's driver. */
const liveMetadata = z.object({
  live: z.literal(true),
  mode: z.enum([ROOM.solo, ROOM.duo]),
  players: z
    .array(
      z.object({
        phase: z.enum(['choosing', 'ready', 'playing', 'over']),
        level: count,
        score: count,
        lines: count,
      }),
    )
    .max(2),
  spectators: count,
});

/** The listed games among the matchmaker's rooms: public, live, newest first. */
export function liveGames(rooms: IRoomCache[]): LiveGame[] {
  const listed: { at: number; game: LiveGame }[] = [];
  for (const room of rooms) {
    if (room.private || (room.name !== ROOM.solo && room.name !== ROOM.duo)) continue;
    const meta = liveMetadata.safeParse(room.metadata);
    if (!meta.success) continue;
    const { players, spectators } = meta.data;
    listed.push({
      at: room.createdAt ? new Date(room.createdAt).getTime() : 0,
      game: { roomId: room.roomId, mode: meta.data.mode, players, spectators },
    });
  }
  return listed.sort((a, b) => b.at - a.at).map((l) => l.game);
}

/**
 * How long one scan of the listed rooms answers `GET /api/live`: the rooms publish their summaries
 * once in this time anyway, and the scan reads every room of the cluster (Redis `HGETALL` of the
 * room caches, tens of milliseconds of CPU with thousands of rooms), so a crowd on the Live page,
 * or one client asking in a loop, costs one scan a second per process, not one a request.
 */
export const LIVE_LISTING_MAX_AGE_MS = LIVE_METADATA_INTERVAL_MS;

/**
 * The listed games, from one scan (`scan`) shared by every request within `maxAgeMs` of it;
 * requests arriving during a scan wait for it. A failed scan is not kept: the next request scans.
 */
export class LiveListing {
  readonly #scan: () => Promise<IRoomCache[]>;
  readonly #now: () => number;
  readonly #maxAgeMs: number;
  #games: readonly LiveGame[] = [];
  #at = -Infinity;
  #pending: Promise<readonly LiveGame[]> | undefined;

  constructor(
    scan: () => Promise<IRoomCache[]>,
    now: () => number = performance.now.bind(performance),
    maxAgeMs = LIVE_LISTING_MAX_AGE_MS,
  ) {
    this.#scan = scan;
    this.#now = now;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The games of `mode` (every mode when undefined), newest first. */
  async games(mode?: string): Promise<LiveGame[]> {
    const all = this.#now() - this.#at < this.#maxAgeMs ? this.#games : await this.#refresh();
    return mode === undefined ? [...all] : all.filter((g) => g.mode === mode);
  }

  #refresh(): Promise<readonly LiveGame[]> {
    this.#pending ??= (async () => {
      try {
        const started = this.#now();
        const games = liveGames(await this.#scan());
        this.#games = games;
        this.#at = started;
        return games;
      } finally {
        this.#pending = undefined;
      }
    })();
    return this.#pending;
  }
}
