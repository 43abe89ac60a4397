import { Game, SeededPieces } from '@tengen/engine';
import { PIECES_AHEAD } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { PieceFeed } from './piece-feed.ts';

describe('PieceFeed', () => {
  it('after a stored game, deals a new sequence: never the same seed nor its twin (s ^ 1)', () => {
    const offered = [0x1234, 0x1235, 0x0bee];
    const feed = new PieceFeed(0x1234, () => offered.shift()!);
    expect(feed.start('a').seed).toBe(0x1234);
    feed.published(0x9999); // another sequence's game: nothing changes
    expect(feed.start('b').seed).toBe(0x1234);
    feed.published(0x1234);
    expect(offered).toEqual([]);
    expect(feed.start('a')).toEqual({
      seed: 0x0bee,
      pieces: new SeededPieces(0x0bee).slice(0, 2 + PIECES_AHEAD),
    });
  });

  it('deals nothing once the game is over, and nothing to a player it does not know', () => {
    const feed = new PieceFeed(0x0101, () => 0x0202);
    expect(feed.start('p').pieces).toHaveLength(2 + PIECES_AHEAD);
    const game = new Game({ seed: 0x0101, startLevel: 29 });
    while (!game.topOut) game.step(0);
    expect(feed.more('p', game)).toBeNull();
    expect(feed.more('stranger', new Game({ seed: 0x0101, startLevel: 29 }))).toBeNull();
    expect(feed.resume('stranger', game).types).toEqual([]);
  });
});
