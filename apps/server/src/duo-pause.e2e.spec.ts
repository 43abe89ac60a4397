import { MAX_PAUSES_PER_GAME } from '@tengen/protocol';
import { TestPlayer } from '@tengen/test-kit';
import { describe, expect, it } from 'vitest';
import { useServer } from '@tengen/test-kit/vitest';
import { getJson } from './testing/http.ts';
import { startTestServer } from './testing/test-server.ts';
import { pauseFor } from './testing/pause-for.ts';

// Duo pause griefing over real sockets: a pause freezes both games, but only the player who
// paused pays for it, so pausing past the limit cannot unrank the opponent's game.

const server = useServer(() => startTestServer());

describe('duo pauses are charged to the player who paused', () => {
  it(`a griefer pausing ${MAX_PAUSES_PER_GAME + 1} times unranks only their own game; the victim's is stored`, async () => {
    const griefer = await TestPlayer.connect(server.url, 'create', 'duo', { private: true });
    const code = await griefer.until('a room code', () => griefer.room.state.code || undefined);
    const victim = await TestPlayer.connect(server.url, 'joinById', code);
    try {
      await Promise.all([griefer, victim].map((p) => p.startGame(19)));
      const seen = { griefer: griefer.messages.length, victim: victim.messages.length };
      // Both play in real time (the victim steers a while; the griefer only lets pieces fall).
      const games = Promise.all([victim.play({ botFrames: 400 }), griefer.play({ botFrames: 0 })]);
      await griefer.until('the game under way', () => (griefer.game?.frame ?? 0) >= 30);
      for (let i = 0; i <= MAX_PAUSES_PER_GAME; i++) await pauseFor(griefer, 300);
      const [played] = await games;

      expect(await griefer.message('unranked', seen.griefer)).toMatchObject({
        reason: 'pauseLimit',
      });
      await victim.until('the server has the top-out', () => victim.me?.phase === 'over');
      expect(victim.messages.slice(seen.victim).filter((m) => m.type === 'unranked')).toEqual([]);
      expect(victim.me?.ranked).toBe(true);
      expect(await victim.submit('victim')).toMatchObject({
        type: 'submitted',
        score: played.score,
      });
      const { body } = await getJson<{ scores: { name: string; score: number }[] }>(
        `${server.url}/api/scores?mode=duo`,
      );
      expect(body.scores.map((s) => [s.name, s.score])).toContainEqual(['victim', played.score]);

      await griefer.until('the griefer topped out', () => griefer.me?.phase === 'over');
      expect(griefer.me?.ranked).toBe(false);
      expect(await griefer.submit('griefer')).toMatchObject({ type: 'error', code: 'unranked' });
    } finally {
      await Promise.all([griefer.leave(), victim.leave()]);
    }
  }, 60_000);
});
