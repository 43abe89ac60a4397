import { Bot } from '@tengen/bot';
import { ENGINE_VERSION, Game } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { QuickBot } from './quick-bot.ts';

const THREE_MINUTES = 3 * 60 * 60;

function play(player: { next(game: Game): number }, seed: number, frames: number): Game {
  const game = new Game({ seed, startLevel: 9, version: ENGINE_VERSION });
  while (!game.topOut && game.frame < frames) game.step(player.next(game));
  return game;
}

describe('QuickBot (the load generator player)', () => {
  it('survives three minutes at level 9 clearing lines, as a real player does', () => {
    for (const seed of [0x1234, 0x8a5d, 0x0f0f]) {
      const game = play(new QuickBot(), seed, THREE_MINUTES);
      expect(game.topOut).toBe(false);
      expect(game.pieceCount).toBeGreaterThan(150);
      expect(game.lines).toBeGreaterThan(40);
    }
  });

  it('plays pieces about as fast as the test bot (the server steps the same kind of game)', () => {
    const quick = play(new QuickBot(), 0x1234, THREE_MINUTES);
    const bot = play(new Bot(), 0x1234, THREE_MINUTES);
    expect(quick.pieceCount / quick.frame).toBeGreaterThan((0.8 * bot.pieceCount) / bot.frame);
    expect(quick.pieceCount / quick.frame).toBeLessThan((1.25 * bot.pieceCount) / bot.frame);
  });

  it('is deterministic: the same pieces give the same game', () => {
    const a = play(new QuickBot(), 0x4242, 3600);
    const b = play(new QuickBot(), 0x4242, 3600);
    expect(a.snapshot()).toEqual(b.snapshot());
  });
});
