import { Game, seedFromHex, type Replay } from '@tengen/engine';

/**
 * The one place a replay becomes a running game: the theater, the replay driver and the file check
 * all start here, so a replay is always played under the rules it was recorded with.
 */
export function gameForReplay(replay: Replay): Game {
  return new Game({
    seed: seedFromHex(replay.seed),
    startLevel: replay.startLevel,
    version: replay.version,
  });
}
