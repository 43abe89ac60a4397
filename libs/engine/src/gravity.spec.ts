import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { framesPerDrop } from './gravity.ts';
import { framesWith, gameWith, run } from './test-kit.ts';

// framesPerDropTable (NTSC), and drop_tetrimino's level >= 29 branch.
// prettier-ignore
const TABLE: [number, number][] = [
  [0, 48], [1, 43], [2, 38], [3, 33], [4, 28], [5, 23], [6, 18], [7, 13], [8, 8], [9, 6],
  [10, 5], [11, 5], [12, 5], [13, 4], [14, 4], [15, 4], [16, 3], [17, 3], [18, 3],
  [19, 2], [20, 2], [25, 2], [28, 2], [29, 1], [30, 1], [45, 1], [200, 1],
];

describe('gravity (drop_tetrimino, framesPerDropTable)', () => {
  it.each(TABLE)('level %i drops a row every %i frames', (level, frames) => {
    expect(framesPerDrop(level)).toBe(frames);
    // A spawned piece (autorepeatY 0, fall timer 0) falls from row 0 by gravity alone.
    const game = gameWith({ level, autorepeatY: 0, fallTimer: 0 });
    const falls = framesWith(run(game, frames * 6 + 1), GameEvent.Fall);
    expect(falls.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((k) => k * frames - 1));
  });

  it('the first piece hangs for 96 frames (INITIAL_AUTOREPEAT_Y = -96)', () => {
    const game = gameWith({ seed: 0x8988, startLevel: 0 });
    const falls = framesWith(run(game, 200), GameEvent.Fall);
    // The fall timer kept counting during the wait, so the first row falls at once at frame 96.
    expect(falls).toEqual([96, 144, 192]);
  });

  it('the first piece hangs at level 19 too', () => {
    const game = gameWith({ seed: 0x8988, startLevel: 19 });
    const falls = framesWith(run(game, 100), GameEvent.Fall);
    expect(falls[0]).toBe(96);
    expect(falls[1]).toBe(98);
  });

  it('a fresh Down press ends the first-piece wait and starts a soft drop', () => {
    const game = gameWith({ seed: 0x8988, startLevel: 0 });
    run(game, 10);
    const log = run(game, 10, Button.Down);
    // Frame 10: press (autorepeatY 0 -> 1, gravity check: fall timer 11 < 48); rows at 12, 14, ...
    expect(framesWith(log, GameEvent.SoftDrop)).toEqual([12, 14, 16, 18]);
    expect(framesWith(log, GameEvent.Fall)).toEqual([]);
  });

  it('Down held from before the first frame still counts as a fresh press on frame 0', () => {
    const game = gameWith({ seed: 0x8988, startLevel: 0 });
    expect(framesWith(run(game, 6, Button.Down), GameEvent.SoftDrop)).toEqual([2, 4]);
  });

  it('Down pressed with Left held does not end the first-piece wait as a soft drop', () => {
    const game = gameWith({ seed: 0x8988, startLevel: 0 });
    const log = run(game, 60, Button.Down | Button.Left);
    expect(framesWith(log, GameEvent.SoftDrop)).toEqual([]);
    // autorepeatY became 0, so plain gravity applies: the fall timer (1 at frame 0) reaches 48 at frame 47.
    expect(framesWith(log, GameEvent.Fall)).toEqual([47]);
  });
});
