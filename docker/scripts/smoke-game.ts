/**
 * The smoke test's game: one solo game played by the bot through the running image over a real
 * WebSocket (the same test player the server's end-to-end tests use), submitted under a name.
 */
import { TestPlayer } from '@tengen/test-kit';

/** What the server said about the game it re-simulated. */
export interface SmokeGame {
  name: string;
  score: number;
  lines: number;
  frames: number;
}

/** Plays a short level-19 game (the bot steers, then lets it top out) and submits it. */
export async function playSmokeGame(url: string): Promise<SmokeGame> {
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
    const name = `smoke-${process.pid}`;
    player.send('submit', { name });
    await player.message('submitted', 0);
    return { name, score: game.score, lines: game.lines, frames: game.frame };
  } finally {
    await player.leave();
  }
}
