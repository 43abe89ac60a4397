import { PIECE_TYPES, parseReplay } from '@tengen/engine';
import { PIECES_AHEAD, type ScoresResponse } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { expectReplayReproduces, useServer } from '@tengen/test-kit/vitest';
import { getJson } from './testing/http.ts';
import { playSoloGame } from './testing/solo-game.ts';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

describe('solo room, end to end over WebSockets', () => {
  it('a bot game is re-simulated by the server, stored, and its replay reproduces the score', async () => {
    const { player, start, game } = await playSoloGame(server.url, 19, 400);
    expect(start.startLevel).toBe(19);
    expect(start).not.toHaveProperty('seed');
    expect(start.pieces).toHaveLength(2 + PIECES_AHEAD);

    expect(game.topOut).toBe(true);
    expect(player.me?.score).toBe(game.score);
    expect(player.me?.frame).toBe(game.frame);

    player.send('submit', { name: '  Bot One ' });
    const submitted = await player.message('submitted');
    expect(submitted).toMatchObject({ rank: 1, score: game.score });

    const replayRes = await fetch(`${server.url}/api/replays/${submitted.replayId}`);
    expect(replayRes.status).toBe(200);
    expect(replayRes.headers.get('cache-control')).toContain('immutable');
    const replay = parseReplay(await replayRes.json());
    const summary = expectReplayReproduces(replay, game);
    // The published seed deals exactly the pieces the client was sent.
    expect(summary.pieces).toBe(
      Array.from(
        { length: summary.pieces.length },
        (_, i) => PIECE_TYPES[player.pieces.pieceAt(i)!],
      ).join(''),
    );

    const { body: board } = await getJson<ScoresResponse>(`${server.url}/api/scores?mode=solo`);
    expect(board.mode).toBe('solo');
    expect(board.scores[0]).toMatchObject({
      rank: 1,
      name: 'Bot One',
      score: game.score,
      lines: game.lines,
      startLevel: 19,
      replayId: submitted.replayId,
    });
    expect(new Date(board.scores[0]?.at ?? '').toISOString()).toBe(board.scores[0]?.at);

    player.send('submit', { name: 'again' });
    expect(
      (await player.message('error', 0, (m) => m.code === 'alreadySubmitted')).message,
    ).toMatch(/already/);

    const metrics = await (await fetch(server.metricsUrl)).text();
    expect(metrics).toMatch(/tengen_scores_stored_total\{mode="solo"\} 1/);
    expect(metrics).toMatch(/tengen_games_finished_total\{mode="solo"\} 1/);
    expect(metrics).toMatch(/tengen_clients\{type="solo"\} 1/);
    await player.leave();
  });
});
