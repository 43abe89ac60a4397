import { parseReplay, seedFromHex, type Replay } from '@tengen/engine';
import { COPY_MAX_CANDIDATES } from '@tengen/protocol';
import type { ScoreStore } from '@tengen/scores';
import { isCopy, placements } from './copy-check.ts';

/** Stored games whose placements are kept in memory (about 3 KB each for a 10-minute game). */
const CACHED_GAMES = 256;

/**
 * Looks for a stored game that a new game copies: the best `COPY_MAX_CANDIDATES` stored games of
 * its seed and start level (any mode), except those stored under the same name (a player's own
 * retries; a copy under its owner's name gains nothing on a best-per-name board). Stored games'
 * placements are cached by id (a stored game never changes) and the event loop is yielded between
 * candidates, so a worst-case check never blocks other rooms for more than one replay.
 */
export class CopyGuard {
  readonly #store: ScoreStore;
  readonly #cache = new Map<string, Int32Array>();

  constructor(store: ScoreStore) {
    this.#store = store;
  }

  /** The id of the stored game `replay` copies, or null. */
  async find(name: string, replay: Replay): Promise<string | null> {
    const stored = await this.#store.replaysOf(
      seedFromHex(replay.seed),
      replay.startLevel,
      COPY_MAX_CANDIDATES,
    );
    const others = stored.filter((s) => s.name !== name);
    if (others.length === 0) return null;
    const mine = placements(replay);
    for (const s of others) {
      let theirs = this.#cache.get(s.id);
      if (!theirs) {
        await new Promise((r) => setImmediate(r));
        // Stored replays were verified when written; parse them anyway (a file is a boundary).
        theirs = placements(parseReplay(JSON.parse(s.replayJson)));
        if (this.#cache.size >= CACHED_GAMES) this.#cache.delete(this.#cache.keys().next().value!);
      }
      this.#cache.delete(s.id);
      this.#cache.set(s.id, theirs); // most recently used last
      if (isCopy(mine, theirs)) return s.id;
    }
    return null;
  }
}
