import { TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { ApiError } from '@tengen/client/net/http-api.ts';
import { fetchLive, parseLive, parseLiveGame, reserveWatch } from '@tengen/client/net/live-api.ts';
import { ColyseusNet } from '@tengen/client/net/net-client.ts';
import { startServer } from './testing/real-server.ts';

const server = useServer(() => startServer());

const game = {
  roomId: 'Ab_3-x9Qz',
  mode: 'duo',
  spectators: 2,
  players: [{ phase: 'playing', level: 9, score: 1200, lines: 8 }],
};

describe('parseLive', () => {
  it('keeps valid games and drops forged or broken ones', () => {
    expect(parseLiveGame(game)).toEqual(game);
    for (const bad of [
      { ...game, roomId: '<script>' },
      { ...game, mode: 'arcade' },
      { ...game, spectators: -1 },
      { ...game, players: [{ phase: 'dancing', level: 1, score: 1, lines: 1 }] },
      { ...game, players: [{ phase: 'over', level: 1.5, score: 1, lines: 1 }] },
      null,
      'game',
    ])
      expect(parseLiveGame(bad)).toBeNull();
    expect(parseLive({ games: [game, { nope: 1 }], total: 2, offset: 0, limit: 20 })).toEqual({
      games: [game],
      total: 2,
      offset: 0,
      limit: 20,
    });
    expect(() => parseLive({ rooms: [] })).toThrow(ApiError);
  });
});

describe('the Live page and watching, against the real server', () => {
  it('lists a solo game in progress and watches it read-only', async () => {
    const p = await TestPlayer.connect(server.url, 'create', 'solo', { watchSelf: false });
    p.send('selectLevel', { level: 4 });
    p.send('ready');
    await p.message('start');
    p.send('inputs', { from: 0, runs: [[30, 0]] });
    await expect
      .poll(async () => (await fetchLive(server.url, 0)).games.map((g) => g.roomId), {
        timeout: 10_000,
      })
      .toEqual([p.room.roomId]);
    const page = await fetchLive(server.url, 0);
    expect(page).toMatchObject({ total: 1, offset: 0, limit: 20 });
    expect(page.games[0]).toMatchObject({ mode: 'solo', spectators: 0 });
    expect(page.games[0]?.players[0]).toMatchObject({ phase: 'playing', level: 4 });

    const link = await new ColyseusNet(server.url).watch(p.room.roomId);
    await expect.poll(() => link.state?.players?.get(p.id)?.frame).toBe(30);
    await p.until('1 watching', () => p.room.state.spectators === 1);
    const refused = new Promise((resolve) =>
      link.on('message', (m) => m.type === 'error' && resolve(m.code)),
    );
    link.send('pause', { paused: true });
    expect(await refused).toBe('spectating');
    await link.leave();
    await p.until('nobody watching', () => p.room.state.spectators === 0);
    await p.leave();
  });

  it('explains a game that is gone in plain words', async () => {
    await expect(reserveWatch(server.url, 'GoneRoom1')).rejects.toThrow(
      'This game is over, or the link is wrong: there is nothing to watch here.',
    );
    await expect(reserveWatch('http://127.0.0.1:1', 'GoneRoom1')).rejects.toThrow(
      /Cannot reach the game server/,
    );
  });
});
