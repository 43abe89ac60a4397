import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '@tengen/engine';
import { TestPlayer } from '@tengen/test-kit';
import { getJson } from './testing/http.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('GET /api/games/:id (the replay page header)', () => {
  it("gives a stored game's player, result and date, never its replay", async () => {
    const player = await TestPlayer.connect(server.url, 'create', 'solo');
    await player.until('choosing phase', () => player.me?.phase === 'choosing');
    player.send('selectLevel', { level: 15 });
    await player.until('level mirrored', () => player.me?.selectedLevel === 15);
    player.send('ready');
    await player.message('start');
    const game = await player.play({ botFrames: 400, leadFrames: 150 });
    await player.until('server sees the top-out', () => player.me?.phase === 'over');
    player.send('submit', { name: 'Theater Ann' });
    const { replayId } = await player.message('submitted');

    const before = Date.now();
    const res = await getJson<Record<string, unknown>>(`${server.url}/api/games/${replayId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: replayId,
      mode: 'solo',
      name: 'Theater Ann',
      score: game.score,
      lines: game.lines,
      startLevel: 15,
      frames: game.frame,
      engineVersion: ENGINE_VERSION,
    });
    expect(res.body).not.toHaveProperty('replay');
    expect(Date.parse(String(res.body['at']))).toBeLessThanOrEqual(before);
    await player.leave();
  });

  it('answers 404 with a JSON error for unknown and malformed ids', async () => {
    for (const id of ['abcdefghijkm', '..%2F..%2Fetc', 'x'.repeat(200), 'ABCDEFGHIJKM']) {
      const res = await getJson<{ error: string }>(`${server.url}/api/games/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatch(/no game/);
    }
  });
});
