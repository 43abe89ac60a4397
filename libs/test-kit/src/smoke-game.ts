/**
 * The smoke test's game: one solo game played by the test player's bot through a running server
 * (the image in docker/scripts/smoke.ts, a deployed stage through its public URL in the chart's
 * smoke.ts) over a real WebSocket. The server re-simulates it and must agree on the score.
 */
import { TestPlayer } from './test-player.ts';

/** What the server said about the game it re-simulated. */
export interface SmokeGame {
  /** The name it was submitted under, when it was. */
  name?: string;
  score: number;
  lines: number;
  frames: number;
}

/**
 * Plays a short level-19 game (the bot steers, then lets it top out). With `submitAs` the game is
 * submitted to the board under that name (the image smoke test checks it is stored); without, the
 * public board is left alone (a production smoke test).
 */
export async function playSmokeGame(
  url: string,
  options: { submitAs?: string } = {},
): Promise<SmokeGame> {
  const player = await TestPlayer.connect(url, 'create', 'solo');
  try {
    await player.until('choosing phase', () => player.me?.phase === 'choosing', 20_000);
    player.send('selectLevel', { level: 19 });
    player.send('ready');
    await player.message('start', 0);
    const game = await player.play({ botFrames: 600 });
    await player.until('the server sees the top-out', () => player.me?.phase === 'over', 20_000);
    if (player.me?.score !== game.score) {
      throw new Error(`server score ${player.me?.score} differs from the client's ${game.score}`);
    }
    const result = { score: game.score, lines: game.lines, frames: game.frame };
    if (options.submitAs === undefined) return result;
    player.send('submit', { name: options.submitAs });
    await player.message('submitted', 0);
    return { name: options.submitAs, ...result };
  } finally {
    await player.leave();
  }
}
