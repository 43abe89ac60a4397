import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { parseReplay, PIECE_TYPES, replayStats } from '@tengen/engine';
import {
  FRAMES_PER_SECOND,
  parseGameStats,
  type GameInfoResponse,
  type PlayerResponse,
} from '@tengen/protocol';
import { getJson } from './testing/http.ts';
import { playSoloGame } from './testing/solo-game.ts';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

describe('game statistics in the API (Tetris rate, burns, drought, pieces per minute)', () => {
  it("are the engine's re-run of the stored replay, on the game and on the player page", async () => {
    const { player, game } = await playSoloGame(server.url, 12, 600);

    const answer = await player.submit('Stats Ann');
    if (answer.type !== 'submitted') throw new Error(`submit refused: ${JSON.stringify(answer)}`);
    const { replayId } = answer;

    const info = await getJson<GameInfoResponse>(`${server.url}/api/games/${replayId}`);
    expect(info.status).toBe(200);
    const stats = parseGameStats(info.body.stats);
    expect(stats).not.toBeNull();
    // The browser's own game, counted as it was played.
    PIECE_TYPES.forEach((_, i) => expect(stats?.pieces[i]).toBe(game.stat(i)));
    expect(stats?.totalPieces).toBe(game.pieceCount);
    expect(stats?.lines).toBe(game.lines);
    expect(stats?.piecesPerMinute).toBeCloseTo(
      (game.pieceCount * FRAMES_PER_SECOND * 60) / game.frame,
      6,
    );
    // The published replay, re-run by the engine here.
    const replay = await getJson<unknown>(`${server.url}/api/replays/${replayId}`);
    expect(stats).toEqual(replayStats(parseReplay(replay.body), FRAMES_PER_SECOND));

    const page = await getJson<PlayerResponse>(
      `${server.url}/api/players/${encodeURIComponent('Stats Ann')}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.best.map((g) => [g.replayId, g.stats])).toEqual([[replayId, stats]]);
    expect(page.body.recent.map((g) => [g.replayId, g.stats])).toEqual([[replayId, stats]]);
    // The scoreboard stays as it was: statistics live on games and player pages.
    const board = await getJson<{ scores: Record<string, unknown>[] }>(`${server.url}/api/scores`);
    expect(board.body.scores[0]).not.toHaveProperty('stats');
    await player.leave();
  });

  it('cannot be supplied by the player: a submit carrying statistics is refused', async () => {
    const { player } = await playSoloGame(server.url, 19, 0);
    const seen = player.messages.length;
    const fake = { tetrisRate: 1, burns: 0, longestDrought: 0, piecesPerMinute: 99 };
    player.room.send('submit', { name: 'Stats Cheat', stats: fake });
    const answer = await player.until('the answer', () =>
      player.messages.slice(seen).find((m) => m.type === 'error' || m.type === 'submitted'),
    );
    expect(answer.type).toBe('error');
    const page = await getJson<PlayerResponse>(
      `${server.url}/api/players/${encodeURIComponent('Stats Cheat')}`,
    );
    expect(page.body.recent).toEqual([]);
    await player.leave();
  });
});
