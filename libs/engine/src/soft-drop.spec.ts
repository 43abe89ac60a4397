import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import { framesWith, gameWith, run, stepUntil } from './test-kit.ts';

// drop_tetrimino's autorepeatY path: soft drop starts on a fresh Down press with neither Left nor
// Right held and drops a row every 2 frames; holdDownPoints counts the rows (addHoldDownPoints).
const playing = { autorepeatY: 0, vramRow: 32, x: 5, y: 0 } as const;

describe('soft drop (drop_tetrimino)', () => {
  it('a fresh Down press drops a row every 2 frames, the first 2 frames after the press', () => {
    const game = gameWith({ ...playing, startLevel: 0 });
    const log = run(game, 10, Button.Down);
    expect(framesWith(log, GameEvent.SoftDrop)).toEqual([2, 4, 6, 8]);
    expect(game.pieceY).toBe(4);
  });

  it('does not start while Left or Right is held', () => {
    const game = gameWith({ ...playing, startLevel: 0 });
    const log = run(game, 10, Button.Down | Button.Right);
    expect(framesWith(log, GameEvent.SoftDrop)).toEqual([]);
  });

  it('needs a fresh press: Down held before Left is released does not start it', () => {
    const game = gameWith({ ...playing, startLevel: 0 });
    run(game, 2, Button.Down | Button.Left);
    const log = run(game, 10, Button.Down);
    expect(framesWith(log, GameEvent.SoftDrop)).toEqual([]);
  });

  it('stops when Left is pressed during it, and gravity takes over', () => {
    const game = gameWith({ ...playing, startLevel: 0 });
    run(game, 4, Button.Down);
    const log = run(game, 10, Button.Down | Button.Left);
    expect(framesWith(log, GameEvent.SoftDrop)).toEqual([]);
  });

  it('gravity still applies between soft-drop rows', () => {
    // Level 29: gravity every frame; soft drop adds nothing faster, rows fall each frame.
    const game = gameWith({ ...playing, startLevel: 29 });
    const log = run(game, 6, Button.Down);
    expect(framesWith(log, GameEvent.Fall | GameEvent.SoftDrop)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('adds rows - 1 to the score at lock, in binary on a BCD byte (the quirk)', () => {
    // From row 0 an O falls 18 rows to rest on the floor: 18 soft drops + the failed one = 19.
    // 19 - 1 = 18 = $12 added to the BCD low byte reads as 12 (`addHoldDownPoints`).
    const game = gameWith({ ...playing, orientation: 0x0a, startLevel: 0 });
    stepUntil(game, GameEvent.Land, Button.Down);
    expect(game.pieceY).toBe(18);
    stepUntil(game, GameEvent.Spawn, 0);
    expect(game.score).toBe(12);
  });

  it('the count resets when Down is released', () => {
    const game = gameWith({ ...playing, orientation: 0x0a, startLevel: 0 });
    run(game, 11, Button.Down); // 5 rows
    run(game, 1, 0); // release: count back to 0
    stepUntil(game, GameEvent.Land, Button.Down); // 13 more rows + landing attempt = 14
    stepUntil(game, GameEvent.Spawn, 0);
    expect(game.score).toBe(13); // $0D fixed up to $13: right by luck here
  });

  it.each([
    [18, 0], // only the failed landing attempt: count 1 scores nothing
    [17, 1], // one row + the attempt: count 2 adds 1
    [16, 2],
  ])('an O soft-dropped from row %i to the floor scores %i', (y, points) => {
    const game = gameWith({ ...playing, orientation: 0x0a, y, startLevel: 0 });
    stepUntil(game, GameEvent.Land, Button.Down);
    stepUntil(game, GameEvent.Spawn, 0);
    expect(game.score).toBe(points);
  });
});
