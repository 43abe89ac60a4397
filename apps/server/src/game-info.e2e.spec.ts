import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { ENGINE_VERSION } from '@tengen/engine';
import { getJson } from './testing/http.ts';
import { playSoloGame } from './testing/solo-game.ts';
import { startTestServer } from './testing/test-server.ts';

const server = useServer(() => startTestServer());

describe('GET /api/games/:id (the replay page header)', () => {
  it("gives a stored game's player, result and date, never its replay", async () => {
    const { player, game } = await playSoloGame(server.url, 15, 400);
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
