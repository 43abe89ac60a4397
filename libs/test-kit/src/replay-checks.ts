import { runReplay, type Game, type Replay, type ReplaySummary } from '@tengen/engine';
import { expect } from 'vitest';

/**
 * Re-runs a stored `replay` and expects it to end where the live `game` ended: the same score,
 * lines and frame, topped out (the server's proof that it stored the game that was played).
 * Returns the re-run, for checks on its pieces.
 */
export function expectReplayReproduces(
  replay: Replay,
  game: Pick<Game, 'score' | 'lines' | 'frame'>,
): ReplaySummary {
  const summary = runReplay(replay);
  expect(summary).toMatchObject({
    score: game.score,
    lines: game.lines,
    frames: game.frame,
    topOut: true,
  });
  return summary;
}
