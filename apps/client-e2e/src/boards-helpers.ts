import { TestPlayer } from '@tengen/test-kit';

/**
 * Stores a real, verified solo game under `name` through `baseURL`: a bot player over a WebSocket
 * starts at `level`, plays `botFrames` frames with the bot (none: it tops out at once), tops out in
 * real time and submits (with the browser key `key` when given).
 * Resolves with the server's answer (its `key` is the name key issued for a free name).
 */
export async function storeBotGame(
  baseURL: string,
  name: string,
  level: number,
  key?: string,
  botFrames = 0,
): Promise<{ score: number; replayId: string; key?: string }> {
  const p = await TestPlayer.connect(baseURL, 'create', 'solo');
  try {
    await p.until('choosing', () => p.me?.phase === 'choosing');
    p.send('selectLevel', { level });
    p.send('ready');
    await p.message('start');
    await p.play({ botFrames, leadFrames: 150 });
    await p.until('over', () => p.me?.phase === 'over', 30_000 + (botFrames / 60) * 1000);
    const answer = await p.submit(name, key);
    if (answer.type !== 'submitted') throw new Error(`submit refused: ${JSON.stringify(answer)}`);
    return answer;
  } finally {
    await p.room.leave();
  }
}
