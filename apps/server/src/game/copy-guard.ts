import { parseReplay, seedFromHex, type Replay } from '@tengen/engine';
import { COPY_MAX_CANDIDATES } from '@tengen/protocol';
import type { ScoreStore } from '@tengen/scores';
import { isCopy, placements } from './copy-check.ts';

/**
 * Looks for a stored game that `replay` copies: the best `COPY_MAX_CANDIDATES` stored games of
 * its seed and start level (any mode), except those stored under the same `name` (a player's own
 * retries; a copy under its owner's name gains nothing on a best-per-name board). Returns the
 * copied game's id, or null.
 */
export async function findCopy(
  store: ScoreStore,
  name: string,
  replay: Replay,
): Promise<string | null> {
  const stored = await store.replaysOf(
    seedFromHex(replay.seed),
    replay.startLevel,
    COPY_MAX_CANDIDATES,
  );
  const others = stored.filter((s) => s.name !== name);
  if (others.length === 0) return null;
  const mine = placements(replay);
  for (const s of others) {
    // Stored replays were verified when written; parse them anyway (a file is a boundary).
    if (isCopy(mine, placements(parseReplay(JSON.parse(s.replayJson))))) return s.id;
  }
  return null;
}
