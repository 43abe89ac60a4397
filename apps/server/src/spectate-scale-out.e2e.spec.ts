import { isDeepStrictEqual } from 'node:util';
import type { LiveGame, LiveResponse } from '@tengen/protocol';
import { startCluster, TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { getJson } from './testing/http.ts';
import { liveGameOf } from './testing/live-game.ts';

const cluster = useServer(() => startCluster({ servers: 2 }));

/** Index of the process whose WebSocket this room connection uses. */
const hostOf = (p: TestPlayer) =>
  cluster.ports.indexOf(
    Number(new URL((p.room.connection.transport as unknown as { ws: WebSocket }).ws.url).port),
  );

describe('spectating across two server processes sharing Redis', () => {
  it('the Live page of one process lists a game hosted by the other, and its spectator watches it', async () => {
    const { servers } = cluster;
    const a = await TestPlayer.connect(servers[0]!.url, 'joinOrCreate', 'duo');
    const b = await TestPlayer.connect(servers[1]!.url, 'joinOrCreate', 'duo');
    expect(b.room.roomId).toBe(a.room.roomId);
    await Promise.all([a, b].map((p) => p.startGame(16)));
    await a.play({ botFrames: 200, untilFrame: 200 });
    const host = hostOf(a);
    expect(host).toBeGreaterThanOrEqual(0);
    const other = servers[1 - host]!;

    /** The game as B lists it, once it matches `expected` (published at most once a second). */
    const listed = async (expected: (g: LiveGame) => boolean) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { body } = await getJson<LiveResponse>(`${other.url}/api/live`);
        const game = body.games.find((g) => g.roomId === a.room.roomId);
        if ((game && expected(game)) || Date.now() > deadline) return game;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const want = liveGameOf('duo', [a, b], 0);
    expect(await listed((g) => isDeepStrictEqual(g, want))).toEqual(want);

    const w = await TestPlayer.watch(other.url, a.room.roomId);
    expect(hostOf(w)).toBe(host);
    await w.until('both boards', () => w.room.state.players?.get(a.id)?.frame === 200);
    expect(w.room.state.players.get(a.id)?.board).toBe(a.me?.board);
    expect(w.room.state.players.get(b.id)?.phase).toBe('playing');
    await a.until('1 watching', () => a.room.state.spectators === 1);
    expect((await listed((g) => g.spectators === 1))?.spectators).toBe(1);

    b.send('inputs', { from: 0, runs: [[45, 0]] });
    await w.until('b moves', () => w.room.state.players.get(b.id)?.frame === 45);
    await Promise.all([w.leave(), a.leave(), b.leave()]);
  });
});
