import { GameEvent } from './buttons.ts';
import { Game } from './game.ts';
import type { Replay } from './replay-types.ts';
import { seedFromHex } from './seed.ts';

/** The game a replay starts from (its seed, start level and rules version), before any frame. */
export function replayGame(replay: Replay): Game {
  return new Game({
    seed: seedFromHex(replay.seed),
    startLevel: replay.startLevel,
    version: replay.version,
  });
}

/**
 * Steps `game` (from `replayGame`) through a validated replay's inputs until they end or the game
 * tops out: inputs after the top-out frame are ignored, as the score ignores them. `onEvents` sees
 * the events of every frame that has one of `watch` (the top-out frame included), after that frame.
 * The one loop behind `runReplay` and `replayTally`, so the two stop at the same frame.
 */
export function playReplayInputs(
  game: Game,
  replay: Replay,
  watch: number,
  onEvents: (events: number) => void,
): void {
  const inputs = replay.inputs;
  const watchOrStop = watch | GameEvent.TopOut;
  for (let r = 0; r < inputs.length; r++) {
    const run = inputs[r]!;
    const buttons = run[1];
    for (let n = run[0]; n > 0; n--) {
      const ev = game.step(buttons);
      // Most frames have nothing to report: one test for them (the server verifies every game).
      if ((ev & watchOrStop) === 0) continue;
      if ((ev & watch) !== 0) onEvents(ev);
      if ((ev & GameEvent.TopOut) !== 0) return;
    }
  }
}
