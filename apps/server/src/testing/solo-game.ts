import { TestPlayer } from '@tengen/test-kit';

/**
 * A solo game on a fresh connection to `url`, begun as the level menu begins it (the chosen level
 * mirrored by the server first), played by the bot for `botFrames` and idle after, to its top-out,
 * and seen over by the server: what a spec about stored games needs before it submits. Resolves
 * with the player (ready to submit), its `start` message and the game it played.
 */
export async function playSoloGame(url: string, level: number, botFrames: number) {
  const player = await TestPlayer.connect(url, 'create', 'solo');
  await player.until('choosing phase', () => player.me?.phase === 'choosing');
  player.send('selectLevel', { level });
  await player.until('level mirrored', () => player.me?.selectedLevel === level);
  const seen = player.messages.length;
  player.send('ready');
  const start = await player.message('start', seen);
  const game = await player.play({ botFrames, leadFrames: 150 });
  await player.until('server sees the top-out', () => player.me?.phase === 'over', 30_000);
  return { player, start, game };
}
