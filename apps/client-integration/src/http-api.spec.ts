import { TestPlayer } from '@tengen/test-kit';
import { replayStats, runReplay } from '@tengen/engine';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import {
  ApiError,
  HttpApi,
  parseReplayResponse,
  parseScores,
} from '@tengen/client/net/http-api.ts';
import { freePort, startServer } from './testing/real-server.ts';

const replay = { version: 1, seed: '8988', startLevel: 3, inputs: [[10, 0]] };

const server = useServer(() => startServer());

describe('parseScores', () => {
  it('reads arrays and wrapped lists, dropping bad rows', () => {
    const rows = [
      {
        rank: 1,
        name: 'ann',
        score: 1200,
        lines: 4,
        level: 0,
        startLevel: 0,
        replayId: 'r1',
        at: '2026-01-01',
      },
      { name: 7 },
    ];
    expect(parseScores(rows)).toHaveLength(1);
    expect(parseScores({ scores: rows })[0]).toMatchObject({
      name: 'ann',
      score: 1200,
      replayId: 'r1',
    });
    expect(parseScores({ entries: [{ name: 'b', score: 1, id: 'x' }] })[0]).toMatchObject({
      rank: 1,
      replayId: 'x',
    });
    expect(() => parseScores({ nope: true })).toThrow(ApiError);
  });
});

describe('parseReplayResponse', () => {
  it('accepts a bare replay, a wrapped one and JSON text', () => {
    expect(parseReplayResponse(replay).startLevel).toBe(3);
    expect(parseReplayResponse({ replay }).seed).toBe('8988');
    expect(parseReplayResponse({ id: 'x', replay: JSON.stringify(replay) }).inputs).toEqual([
      [10, 0],
    ]);
    expect(() => parseReplayResponse({ replay: { version: 2 } })).toThrow();
  });
});

describe('HttpApi against the real server', () => {
  it('reads empty boards, then a verified game on the board and its replay', async () => {
    const api = new HttpApi(`${server.url}/`);
    expect(await api.scores('solo')).toEqual([]);
    expect(await api.scores('duo')).toEqual([]);

    // A real game: a bot player over a WebSocket tops out in real time and submits.
    const p = await TestPlayer.connect(server.url, 'create', 'solo');
    p.send('selectLevel', { level: 19 });
    p.send('ready');
    const game = await p.play({ botFrames: 0, leadFrames: 170 });
    await p.until('over', () => p.me?.phase === 'over');
    p.send('submit', { name: 'ann' });
    const submitted = await p.message('submitted');
    await p.leave();

    const rows = await api.scores('solo', 5);
    expect(rows).toEqual([
      {
        rank: 1,
        name: 'ann',
        mode: 'solo',
        score: game.score,
        lines: game.lines,
        level: game.level,
        startLevel: 19,
        replayId: submitted.replayId,
        at: expect.any(String),
      },
    ]);
    expect(await api.scores('duo')).toEqual([]);
    // The filters reach the server: the game started at 19, today.
    expect(await api.scores('solo', 5, { period: 'today', start: 18 })).toEqual([]);
    expect(await api.scores('solo', 5, { period: 'week', start: 19 })).toEqual(rows);
    const page = await api.player('ann');
    expect(page).toMatchObject({ name: 'ann', held: true });
    expect(page.recent.map((r) => r.replayId)).toEqual([submitted.replayId]);
    expect(await api.player('No One')).toEqual({
      name: 'No One',
      held: false,
      best: [],
      recent: [],
    });
    // Moving the name: the key came with the first submit; a wrong code is refused in words.
    const key = submitted.key!;
    const { code } = await api.nameCode('ann', key);
    await expect(api.claimName('ann', 'AAAAAAAAAA')).rejects.toThrow(/That code is wrong/);
    await expect(api.nameCode('ann', 'x'.repeat(43))).rejects.toThrow(/does not hold the name/);
    const moved = await api.claimName('ann', code);
    expect(moved.key).not.toBe(key);
    const stored = await api.replay(submitted.replayId);
    expect(stored.startLevel).toBe(19);
    expect(runReplay(stored)).toMatchObject({
      score: game.score,
      frames: game.frame,
      topOut: true,
    });
    // The statistics the player page and the theater show: the engine's, on both sides.
    const stats = replayStats(stored, FRAMES_PER_SECOND);
    expect(stats.totalPieces).toBe(game.pieceCount);
    expect(page.recent[0]?.stats).toEqual(stats);
    expect(page.best[0]?.stats).toEqual(stats);
    expect((await api.gameInfo(submitted.replayId)).stats).toEqual(stats);
  });

  it('explains failures', async () => {
    const api = new HttpApi(server.url);
    await expect(api.replay('no-such-replay')).rejects.toThrow('The replay was not found.');
    // The server refuses a limit outside 1..100 (400).
    await expect(api.scores('solo', 1000)).rejects.toThrow(
      new ApiError('The server could not load the scoreboard (HTTP 400).', 400),
    );
    // Nothing listens on this port: the connection is refused.
    const offline = new HttpApi(`http://127.0.0.1:${await freePort()}`);
    await expect(offline.scores('solo')).rejects.toThrow(
      'Cannot reach the server to load the scoreboard.',
    );
  });
});
