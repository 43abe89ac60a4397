import { parseReplay } from '@tengen/engine';
import { TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

/**
 * Two players whose games run on one seed at level 19: the thief's way to the victim's pieces.
 * The seed never reaches a client, so fishing rooms by seed is gone; a private duo room still
 * deals both seats one sequence, which is where a copy can be made (mirroring a friend's game).
 */
async function seatsOnOneSeed(): Promise<[TestPlayer, TestPlayer]> {
  const victim = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
  const code = await victim.until('a room code', () => victim.room.state.code);
  const thief = await TestPlayer.connect(server.url, 'joinById', code);
  for (const p of [victim, thief]) {
    p.send('selectLevel', { level: 19 });
    p.send('ready');
  }
  await Promise.all([victim, thief].map((p) => p.until('a started game', () => p.game)));
  return [victim, thief];
}

/** Relays every input batch `from` sends to `to`'s room `delayMs` later (a live mirror). */
function mirror(from: TestPlayer, to: TestPlayer, delayMs: number): void {
  const send = from.send.bind(from);
  from.send = (type, payload) => {
    if (type === 'inputs') setTimeout(() => to.room.send('inputs', payload), delayMs);
    send(type, payload);
  };
}

describe('no copied games', () => {
  it("refuses a mirrored game played in real time under another name as 'copiedGame'", async () => {
    const [victim, thief] = await seatsOnOneSeed();
    // The thief sends the victim's inputs 1.5 s behind them: within the real-time budgets.
    mirror(victim, thief, 1_500);
    await victim.play({ botFrames: 1500 });
    await victim.until('over', () => victim.me?.phase === 'over');
    const stored = await victim.submit('victim');
    if (stored.type !== 'submitted')
      throw new Error(`victim not stored: ${JSON.stringify(stored)}`);

    await thief.until('over', () => thief.me?.phase === 'over', 20_000);
    expect(thief.me).toMatchObject({ ranked: true, score: stored.score });
    // The stored replay, now public, is the victim's game: the thief's is the same game.
    const replay = parseReplay(
      await (await fetch(`${server.url}/api/replays/${stored.replayId}`)).json(),
    );
    expect(replay.startLevel).toBe(19);

    expect(await thief.submit('mallory')).toEqual({
      type: 'error',
      code: 'copiedGame',
      message: 'this game copies a stored game, it cannot be ranked',
    });
    const board = (await (await fetch(`${server.url}/api/scores?mode=duo`)).json()) as {
      scores: { name: string }[];
    };
    expect(board.scores.map((s) => s.name)).toEqual(['victim']);
    expect(await (await fetch(server.metricsUrl)).text()).toMatch(/tengen_copied_games_total 1/);
    // Nor can the thief take the owner's name: another browser holds it (names that are yours).
    expect(await thief.submit('victim')).toMatchObject({ type: 'error', code: 'nameTaken' });
    await Promise.all([victim.leave(), thief.leave()]);
  }, 150_000);
});
